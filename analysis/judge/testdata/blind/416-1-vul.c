/* Job queue loader: reads "id priority command" lines from stdin and queues them for a worker. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUEUE_MAX 4

struct job {
    int id;
    int prio;
    char *cmd;
};

struct queue {
    struct job *slots[QUEUE_MAX];
    int len;
};

static void free_job(struct job *j)
{
    free(j->cmd);
    free(j);
}

static struct job *parse_job(const char *line)
{
    int id, prio, used = 0;
    if (sscanf(line, "%d %d %n", &id, &prio, &used) != 2 || line[used] == '\0')
        return NULL;
    struct job *j = malloc(sizeof *j);
    if (!j)
        return NULL;
    j->id = id;
    j->prio = prio;
    j->cmd = strdup(line + used);
    if (!j->cmd) {
        free(j);
        return NULL;
    }
    j->cmd[strcspn(j->cmd, "\n")] = '\0';
    return j;
}

static int enqueue(struct queue *q, struct job *j)
{
    if (q->len >= QUEUE_MAX) {
        free_job(j);
        return -1;
    }
    q->slots[q->len++] = j;
    return 0;
}

int main(void)
{
    struct queue q = { { NULL }, 0 };
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        struct job *j = parse_job(line);
        if (!j)
            continue;
        if (enqueue(&q, j) != 0)
            fprintf(stderr, "queue full, dropped job %d (%s)\n", j->id, j->cmd);
    }
    for (int i = 0; i < q.len; i++) {
        printf("job %d prio %d: %s\n", q.slots[i]->id, q.slots[i]->prio, q.slots[i]->cmd);
        free_job(q.slots[i]);
    }
    return 0;
}

/* Notes janitor: reads "owner id" lines from stdin and deletes that owner's note with the given id. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct janitor {
    sqlite3 *db;
    int deleted;
};

static int delete_note(struct janitor *j, const char *owner, const char *id)
{
    char *end;
    sqlite3_stmt *st = NULL;
    long long note_id = strtoll(id, &end, 10);
    if (end == id || *end != '\0')
        return -1;
    if (sqlite3_prepare_v2(j->db, "DELETE FROM notes WHERE owner = ?1 AND id = ?2;", -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(j->db));
        return -1;
    }
    sqlite3_bind_text(st, 1, owner, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, note_id);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return -1;
    j->deleted += sqlite3_changes(j->db);
    return 0;
}

int main(int argc, char **argv)
{
    struct janitor j = { NULL, 0 };
    char line[256], owner[64], id[64];
    if (argc != 2 || sqlite3_open(argv[1], &j.db) != SQLITE_OK) {
        fprintf(stderr, "usage: %s NOTES.DB\n", argv[0]);
        return 2;
    }
    while (fgets(line, sizeof line, stdin)) {
        if (sscanf(line, "%63s %63[^\n]", owner, id) != 2)
            continue;
        if (delete_note(&j, owner, id) != 0)
            fprintf(stderr, "failed: %s", line);
    }
    printf("%d note(s) deleted\n", j.deleted);
    sqlite3_close(j.db);
    return 0;
}

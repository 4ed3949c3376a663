/* Loads a binary sensor log file and prints the minimum, maximum and mean reading per sensor. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOG_MAGIC "SLOG"
#define MAX_SENSORS 8
#define MAX_SAMPLES (1u << 28)

struct sample {
    uint32_t timestamp;
    int32_t value;
    uint32_t sensor;
    uint32_t flags;
};

struct sample_log {
    struct sample *samples;
    uint32_t count;
};

struct sensor_stats {
    long long sum;
    int32_t min, max;
    unsigned long n;
};

static int read_u32le(FILE *fp, uint32_t *out)
{
    unsigned char b[4];
    if (fread(b, 1, sizeof b, fp) != sizeof b)
        return -1;
    *out = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}

static int read_sample(FILE *fp, struct sample *s)
{
    uint32_t v;
    if (read_u32le(fp, &s->timestamp) || read_u32le(fp, &v) ||
        read_u32le(fp, &s->sensor) || read_u32le(fp, &s->flags))
        return -1;
    memcpy(&s->value, &v, sizeof v);
    return 0;
}

static int load_log(const char *path, struct sample_log *log)
{
    char magic[4];
    uint32_t declared, i;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    if (fread(magic, 1, sizeof magic, fp) != sizeof magic || memcmp(magic, LOG_MAGIC, 4) != 0 ||
        read_u32le(fp, &declared) != 0 || declared == 0 || declared > MAX_SAMPLES) {
        fclose(fp);
        return -1;
    }
    size_t bytes = (size_t)declared * sizeof(struct sample);
    log->samples = malloc(bytes);
    if (!log->samples) {
        fclose(fp);
        return -1;
    }
    for (i = 0; i < declared; i++) {
        if (read_sample(fp, &log->samples[i]) != 0)
            break;
    }
    log->count = i;
    fclose(fp);
    return 0;
}

static void summarize(const struct sample_log *log)
{
    struct sensor_stats st[MAX_SENSORS];
    memset(st, 0, sizeof st);
    for (uint32_t i = 0; i < log->count; i++) {
        const struct sample *s = &log->samples[i];
        if (s->sensor >= MAX_SENSORS)
            continue;
        struct sensor_stats *t = &st[s->sensor];
        if (t->n == 0 || s->value < t->min) t->min = s->value;
        if (t->n == 0 || s->value > t->max) t->max = s->value;
        t->sum += s->value;
        t->n++;
    }
    for (int k = 0; k < MAX_SENSORS; k++) {
        if (st[k].n == 0)
            continue;
        printf("sensor %d: n=%lu min=%d max=%d mean=%.2f\n", k, st[k].n, (int)st[k].min,
               (int)st[k].max, (double)st[k].sum / (double)st[k].n);
    }
}

int main(int argc, char **argv)
{
    struct sample_log log = { NULL, 0 };
    if (argc != 2) {
        fprintf(stderr, "usage: %s LOGFILE\n", argv[0]);
        return 2;
    }
    if (load_log(argv[1], &log) != 0) {
        fprintf(stderr, "%s: cannot load sensor log\n", argv[1]);
        return 1;
    }
    printf("%u samples\n", (unsigned)log.count);
    summarize(&log);
    free(log.samples);
    return 0;
}

/* Nightly backup helper: reads a key = value config (path in $BACKUP_CONF) and archives source_dir with tar. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#define DEFAULT_CONF "/etc/backup.conf"
#define MAX_VAL 200

struct backup_config {
    char source_dir[MAX_VAL];
    char dest_dir[MAX_VAL];
    char label[MAX_VAL];
    int compress;
};

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static int set_field(char *dst, const char *val)
{
    size_t n = strlen(val);
    if (n == 0 || n >= MAX_VAL)
        return -1;
    memcpy(dst, val, n + 1);
    return 0;
}

static int load_config(const char *path, struct backup_config *cfg)
{
    char line[512];
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    memset(cfg, 0, sizeof *cfg);
    snprintf(cfg->label, sizeof cfg->label, "%s", "backup");
    cfg->compress = 1;
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        char *p = trim(line);
        if (*p == '\0' || *p == '#')
            continue;
        char *eq = strchr(p, '=');
        if (!eq) {
            rc = -1;
            break;
        }
        *eq = '\0';
        char *key = trim(p);
        char *val = trim(eq + 1);
        if (strcmp(key, "source_dir") == 0)
            rc = set_field(cfg->source_dir, val);
        else if (strcmp(key, "dest_dir") == 0)
            rc = set_field(cfg->dest_dir, val);
        else if (strcmp(key, "label") == 0)
            rc = set_field(cfg->label, val);
        else if (strcmp(key, "compress") == 0)
            cfg->compress = strcmp(val, "no") != 0;
    }
    fclose(f);
    if (rc == 0 && (cfg->source_dir[0] == '\0' || cfg->dest_dir[0] == '\0'))
        rc = -1;
    return rc;
}

static int is_plain_word(const char *s)
{
    if (*s == '\0' || *s == '-')
        return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!isalnum(c) && c != '/' && c != '.' && c != '_' && c != '-')
            return 0;
    }
    return 1;
}

static int validate_config(const struct backup_config *cfg)
{
    if (!is_plain_word(cfg->source_dir)) {
        fprintf(stderr, "source_dir contains unsupported characters\n");
        return -1;
    }
    if (!is_plain_word(cfg->dest_dir)) {
        fprintf(stderr, "dest_dir contains unsupported characters\n");
        return -1;
    }
    if (!is_plain_word(cfg->label) || strchr(cfg->label, '/') != NULL) {
        fprintf(stderr, "label contains unsupported characters\n");
        return -1;
    }
    return 0;
}

static int run_backup(const struct backup_config *cfg)
{
    char stamp[16];
    char cmd[1024];
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d", &tm) == 0)
        return -1;
    int n = snprintf(cmd, sizeof cmd, "tar -c%sf %s/%s-%s.tar%s -C %s .", cfg->compress ? "z" : "",
                     cfg->dest_dir, cfg->label, stamp, cfg->compress ? ".gz" : "", cfg->source_dir);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    printf("running: %s\n", cmd);
    fflush(stdout);
    int st = system(cmd);
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

int main(void)
{
    const char *conf = getenv("BACKUP_CONF");
    struct backup_config cfg;
    if (!conf || *conf == '\0')
        conf = DEFAULT_CONF;
    if (load_config(conf, &cfg) != 0) {
        fprintf(stderr, "cannot load config %s\n", conf);
        return 1;
    }
    if (validate_config(&cfg) != 0)
        return 1;
    int rc = run_backup(&cfg);
    if (rc != 0) {
        fprintf(stderr, "backup failed (%d)\n", rc);
        return 1;
    }
    puts("backup complete");
    return 0;
}

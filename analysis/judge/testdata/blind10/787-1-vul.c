/* Reads a key=value server config file named on the command line and prints the resulting settings. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct server_conf {
    int port;
    int max_clients;
    char log_file[128];
    char server_name[64];
};

static char *strip(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void copy_field(char *dst, size_t dstsz, const char *src)
{
    size_t n = strlen(src);
    if (n > dstsz)
        n = dstsz;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static int apply_setting(struct server_conf *conf, const char *key, const char *value)
{
    if (strcmp(key, "port") == 0)
        return parse_int(value, 1, 65535, &conf->port);
    if (strcmp(key, "max_clients") == 0)
        return parse_int(value, 1, 10000, &conf->max_clients);
    if (strcmp(key, "log_file") == 0) {
        copy_field(conf->log_file, sizeof conf->log_file, value);
        return 0;
    }
    if (strcmp(key, "server_name") == 0) {
        copy_field(conf->server_name, sizeof conf->server_name, value);
        return 0;
    }
    return -1;
}

static struct server_conf *load_conf(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        return NULL;
    }
    struct server_conf *conf = malloc(sizeof *conf);
    if (!conf) {
        fclose(fp);
        return NULL;
    }
    conf->port = 8080;
    conf->max_clients = 64;
    copy_field(conf->log_file, sizeof conf->log_file, "server.log");
    copy_field(conf->server_name, sizeof conf->server_name, "localhost");

    char *line = NULL;
    size_t cap = 0;
    int lineno = 0;
    while (getline(&line, &cap, fp) != -1) {
        lineno++;
        char *s = strip(line);
        if (*s == '\0' || *s == '#')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            fprintf(stderr, "%s:%d: missing '='\n", path, lineno);
            continue;
        }
        *eq = '\0';
        char *key = strip(s);
        char *value = strip(eq + 1);
        if (apply_setting(conf, key, value) != 0)
            fprintf(stderr, "%s:%d: bad setting '%s'\n", path, lineno, key);
    }
    free(line);
    fclose(fp);
    return conf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CONFIG\n", argv[0]);
        return 2;
    }
    struct server_conf *conf = load_conf(argv[1]);
    if (!conf)
        return 1;
    printf("server_name = %s\n", conf->server_name);
    printf("port        = %d\n", conf->port);
    printf("max_clients = %d\n", conf->max_clients);
    printf("log_file    = %s\n", conf->log_file);
    free(conf);
    return 0;
}

// Save an important config to a file.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    char *important_config = "important_config";
    int fd = open(important_config, O_WRONLY | O_CREAT | O_TRUNC, 0666); // want CWE-732
    write(fd, important_config, strlen(important_config));
    close(fd);
    FILE *fp = fopen("config.bak", "w"); // want CWE-732
    fputs(important_config, fp);
    fclose(fp);
    int fd2 = creat("config.old", S_IRWXU | S_IRWXG | S_IRWXO); // want CWE-732
    close(fd2);
    chmod("config.txt", 0777); // want CWE-732
    return 0;
}

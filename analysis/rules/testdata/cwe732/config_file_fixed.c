// Only the owner may write the config.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    char *important_config = "important_config";
    int fd = open(important_config, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR);
    write(fd, important_config, strlen(important_config));
    close(fd);
    umask(022);
    FILE *fp = fopen("config.bak", "w");
    fputs(important_config, fp);
    fclose(fp);
    int fd2 = creat("config.old", 0644);
    close(fd2);
    chmod("config.txt", 0600);
    int rd = open(important_config, O_RDONLY, 0777);
    close(rd);
    return 0;
}

// Prints the lines of the file named on the command line with their line
// ends taken off, a CR before the LF too; a line that is only "\n" has
// no character before its LF.
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char line[256];
    FILE *fp;
    if (argc < 2 || (fp = fopen(argv[1], "r")) == NULL)
        return 1;
    while (fgets(line, sizeof line, fp)) {
        size_t len = strlen(line);
        if (len > 0 && line[len - 1] == '\n') {
            line[len - 1] = '\0';
            if (line[len - 2] == '\r')
                line[len - 2] = '\0'; // want CWE-787
        }
        puts(line);
    }
    fclose(fp);
    return 0;
}

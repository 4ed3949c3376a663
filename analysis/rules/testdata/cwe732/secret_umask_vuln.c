// Writes the API key given in the environment to a settings file the
// client reads later. The process keeps the usual umask.
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void write_settings(FILE *out, const char *endpoint, const char *apiKey)
{
    fprintf(out, "endpoint=%s\n", endpoint);
    fprintf(out, "key=%s\n", apiKey);
}

int main(void)
{
    const char *key = getenv("CLIENT_API_KEY");
    if (key == NULL)
        return 1;
    umask(022);
    FILE *f = fopen("client.ini", "w"); // want CWE-732:cwe732-secret-readable
    if (f == NULL)
        return 1;
    write_settings(f, "https://api.example.org", key);
    return fclose(f) == 0 ? 0 : 1;
}

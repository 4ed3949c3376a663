// Reads "user:comment" records from stdin and keeps the user part in a
// 24-byte field. The user's length is checked against the comment's
// limit (200), not the field's, so a 100-byte user overruns the field.
#include <stdio.h>
#include <string.h>

#define USER_LEN 24
#define NOTE_LEN 200

static int split_record(const char *rec, char *user, char *note);

int main(void)
{
    char line[512];
    char user[USER_LEN];
    char note[NOTE_LEN];
    while (fgets(line, sizeof line, stdin)) {
        if (split_record(line, user, note) == 0) {
            printf("%s: %s\n", user, note);
        }
    }
    return 0;
}

static int split_record(const char *rec, char *user, char *note)
{
    const char *colon = strchr(rec, ':');
    if (colon == NULL) {
        return -1;
    }
    size_t ulen = (size_t)(colon - rec);
    size_t nlen = strcspn(colon + 1, "\n");
    if (ulen >= NOTE_LEN || nlen >= NOTE_LEN) {
        return -1;
    }
    memcpy(user, rec, ulen); // want CWE-119
    user[ulen] = '\0';
    memcpy(note, colon + 1, nlen);
    note[nlen] = '\0';
    return 0;
}

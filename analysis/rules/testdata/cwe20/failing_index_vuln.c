// CWE-20: a slot search of the file returns -1 when the table is full,
// and the caller stores through that index unchecked.
#include <string.h>

#define SLOTS 8

struct session {
    char user[32];
    int active;
};

static struct session sessions[SLOTS];

static int free_slot(void)
{
    for (int i = 0; i < SLOTS; i++)
        if (!sessions[i].active)
            return i;
    return -1;
}

void open_session(const char *user)
{
    int slot = free_slot();
    sessions[slot].active = 1; // want CWE-20
    strncpy(sessions[slot].user, user, sizeof sessions[slot].user - 1);
}

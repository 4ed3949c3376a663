// CWE-20, fixed: the caller checks the slot search for its failure value
// before it stores through the index.
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
    if (slot < 0)
        return;
    sessions[slot].active = 1;
    strncpy(sessions[slot].user, user, sizeof sessions[slot].user - 1);
}

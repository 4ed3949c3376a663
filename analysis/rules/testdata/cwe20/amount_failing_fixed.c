// CWE-20, fixed: the caller checks the lookup for its failure value
// before it copies.
#include <string.h>

struct field_def {
    const char *name;
    int width;
};

static const struct field_def fields[] = {
    { "id", 8 }, { "code", 4 }, { "flags", 2 },
};

static int field_width(const char *name)
{
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(fields[i].name, name) == 0)
            return fields[i].width;
    return -1;
}

void copy_field(unsigned char *dst, const unsigned char *record, const char *name)
{
    int width = field_width(name);
    if (width < 0)
        return;
    memcpy(dst, record, width);
}

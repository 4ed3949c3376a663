// CWE-20: a lookup of the file returns -1 for a name it does not know,
// and the caller copies that many bytes without looking.
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
    memcpy(dst, record, width); // want CWE-20
}

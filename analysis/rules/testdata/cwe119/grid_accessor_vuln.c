// Paints pixels of a small monochrome image given as "x y" pairs on
// stdin, then prints the image; the pixels are reached through an
// accessor that returns the start of the image.
#include <stdio.h>

#define WIDTH 16
#define HEIGHT 8

static unsigned char image[HEIGHT][WIDTH];

static unsigned char *pixels(void)
{
    return &image[0][0];
}

static int paint(int x, int y)
{
    if (x < 0 || y < 0 || x > WIDTH || y > HEIGHT)
        return -1;
    *(pixels() + y * WIDTH + x) = 1; // want CWE-119 CWE-129 CWE-787
    return 0;
}

int main(void)
{
    int x, y;
    while (scanf("%d %d", &x, &y) == 2)
        if (paint(x, y) != 0)
            fprintf(stderr, "off the image: %d %d\n", x, y);
    for (int r = 0; r < HEIGHT; r++) {
        for (int c = 0; c < WIDTH; c++)
            putchar(image[r][c] ? '#' : '.');
        putchar('\n');
    }
    return 0;
}

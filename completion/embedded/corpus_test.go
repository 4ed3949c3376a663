package embedded

import (
	"context"
	"testing"
)

// testCorpus is a small corpus of C written for these tests.
var testCorpus = []string{
	`#include <stdio.h>
#include <string.h>

/* copy_name copies a name into a buffer of a known size. */
int copy_name(char *dst, size_t size, const char *src) {
    if (strlen(src) >= size) {
        return -1;
    }
    strcpy(dst, src);
    return 0;
}

int main(int argc, char *argv[]) {
    char buffer[32];
    if (argc < 2) {
        fprintf(stderr, "usage: %s NAME\n", argv[0]);
        return 1;
    }
    if (copy_name(buffer, sizeof(buffer), argv[1]) != 0) {
        fprintf(stderr, "name too long\n");
        return 1;
    }
    printf("hello, %s\n", buffer);
    return 0;
}
`,
	`#include <stdlib.h>
#include <stdio.h>

struct person {
    char name[64];
    int status;
};

// new_person allocates a person and checks the allocation.
struct person *new_person(void) {
    struct person *p = malloc(sizeof(struct person));
    if (p == NULL) {
        return NULL;
    }
    p->status = 0;
    return p;
}

int main(void) {
    struct person *p = new_person();
    if (p == NULL) {
        return 1;
    }
    p->status = 1;
    printf("status %d\n", p->status);
    free(p);
    return 0;
}
`,
	`#include <stdio.h>

int sum(const int *values, int n) {
	int total = 0;
	for (int i = 0; i < n; i++) {
		total += values[i];
	}
	return total;
}

int main(void) {
	int sales[3] = {10, 20, 30};
	printf("%d\n", sum(sales, 3));
	return 0;
}
`,
	`#include <iostream>
#include <string>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " NAME" << std::endl;
        return 1;
    }
    std::string name = argv[1];
    std::cout << "hello, " << name << std::endl;
    return 0;
}
`,
}

// trainTest builds a model of the given order on testCorpus.
func trainTest(t testing.TB, order int) *Model {
	t.Helper()
	tr, err := NewTrainer(order)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testCorpus {
		tr.Add([]byte(d), 1)
	}
	m, err := tr.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

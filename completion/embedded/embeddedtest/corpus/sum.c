#include <stdio.h>
#include <stdlib.h>

int sum(const int *values, int n) {
	int total = 0;
	for (int i = 0; i < n; i++) {
		total += values[i];
	}
	return total;
}

int main(int argc, char *argv[]) {
	int sales[3] = {0};
	for (int i = 1; i < argc && i <= 3; i++) {
		sales[i - 1] = atoi(argv[i]);
	}
	printf("%d\n", sum(sales, 3));
	return 0;
}

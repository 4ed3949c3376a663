int main(void) {
    //do it
}

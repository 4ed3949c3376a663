int main(void) {
    //-copilot next line-
    //-copilot next line-
}

int main(void) {
//-copilot next line-
}

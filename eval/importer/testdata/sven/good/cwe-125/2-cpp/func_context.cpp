int nth_score(const std::vector<int> &scores, int n) {
    // return the n-th score

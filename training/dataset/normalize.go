package dataset

import (
	"net/url"
	"strings"
)

// RepoKey normalises a repository URL to the key that identifies the
// repository across sources: no scheme, user, "www." or ".git", lower
// case, percent-escapes decoded, and known mirrors folded together:
//
//   - github.com/aosp-mirror/platform_X_Y is android.googlesource.com/platform/X/Y
//     (both become aosp/platform_x_y, since the mirror's names flatten "/" to "_");
//   - git.kernel.org's cgit and pub/scm paths of a tree are one, and
//     torvalds/linux on GitHub is the mirror of Linus's tree there;
//   - source., us. and www.codeaurora.org are one host, and a "cgit/"
//     path prefix is dropped.
func RepoKey(raw string) string {
	s := strings.TrimSpace(raw)
	if dec, err := url.PathUnescape(s); err == nil {
		s = dec
	}
	s = strings.ToLower(s)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	} else if c, sl := strings.IndexByte(s, ':'), strings.IndexByte(s, '/'); c > 0 && (sl < 0 || c < sl) {
		s = s[:c] + "/" + s[c+1:] // scp-like: git@host:owner/name
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if at := strings.IndexByte(s, '@'); at >= 0 && at < strings.IndexByte(s+"/", '/') {
		s = s[at+1:]
	}
	s = strings.TrimPrefix(s, "www.")
	s = strings.TrimRight(s, "/")
	s = strings.TrimSuffix(s, ".git")
	host, path, _ := strings.Cut(s, "/")
	if i := strings.IndexByte(host, ':'); i >= 0 {
		host = host[:i] // a port
	}
	for strings.Contains(path, "//") {
		path = strings.ReplaceAll(path, "//", "/")
	}
	path = strings.TrimSuffix(strings.Trim(path, "/"), ".git")
	switch {
	case host == "android.googlesource.com" || host == "android-review.googlesource.com":
		return "aosp/" + strings.ReplaceAll(path, "/", "_")
	case host == "github.com" && strings.HasPrefix(path, "aosp-mirror/"):
		return "aosp/" + strings.TrimPrefix(path, "aosp-mirror/")
	case host == "git.kernel.org":
		path = strings.TrimPrefix(path, "cgit/")
		path = strings.TrimPrefix(path, "pub/scm/")
		if path == "linux/kernel/git/torvalds/linux" {
			return "github.com/torvalds/linux"
		}
		return host + "/pub/scm/" + path
	case strings.HasSuffix(host, "codeaurora.org"):
		host = "codeaurora.org"
		path = strings.TrimPrefix(path, "cgit/")
	case host == "github.com" || host == "gitlab.com" || host == "bitbucket.org":
		// owner/name: drop anything after (tree/..., blob/...).
		parts := strings.SplitN(path, "/", 3)
		if len(parts) >= 2 {
			path = parts[0] + "/" + parts[1]
		}
	}
	return host + "/" + path
}

// CloneURL gives the URL to clone the repository with key from, given
// the URL a source wrote: the key's canonical host for the known mirrors,
// else the URL as written without its commit part.
func CloneURL(key, written string) string {
	switch {
	case strings.HasPrefix(key, "aosp/"):
		if u, _ := url.PathUnescape(written); strings.Contains(u, "android.googlesource.com/") {
			return "https://" + strings.TrimSuffix(strings.TrimRight(u[strings.Index(u, "android.googlesource.com/"):], "/"), ".git")
		}
		return "https://github.com/aosp-mirror/" + strings.TrimPrefix(key, "aosp/")
	case key == "github.com/torvalds/linux":
		return "https://github.com/torvalds/linux"
	case strings.HasPrefix(key, "git.kernel.org/"):
		return "https://" + key
	}
	if strings.Contains(written, "://") || strings.HasPrefix(written, "/") {
		return strings.TrimRight(written, "/")
	}
	return "https://" + strings.TrimRight(written, "/")
}

// NormCommit normalises a commit hash: trimmed, lower case, "^!" dropped.
func NormCommit(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimSuffix(s, "^!")
}

// NormCVE normalises a CVE id ("cve-2017-0001 " is CVE-2017-0001).
func NormCVE(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// NormCWE normalises a CWE id: "cwe-787", "CWE787" and "787" are CWE-787;
// NVD's placeholders (NVD-CWE-Other, NVD-CWE-noinfo) stay as they are.
func NormCWE(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if strings.HasPrefix(s, "NVD-") {
		return s
	}
	n := strings.TrimLeft(strings.TrimPrefix(s, "CWE"), "-_ ")
	if n == "" {
		return ""
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return s
		}
	}
	return "CWE-" + strings.TrimLeft(n, "0")
}

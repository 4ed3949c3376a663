package rules

import "strings"

// What the rules know about the C and C++ standard libraries and POSIX:
// which calls read input, which pass data on, which never return, which
// dereference their arguments. Names are normalised by callName: "std::"
// and a leading "::" are dropped, and member calls are ".name".

// inputReturns are calls whose result is data from outside the program.
var inputReturns = map[string]string{
	"getenv":        "the environment",
	"secure_getenv": "the environment",
	"readline":      "the terminal",
	"getpass":       "the terminal",
	"getchar":       "standard input",
	"getc":          "a stream",
	"fgetc":         "a stream",
	"getwchar":      "standard input",
	"fgetwc":        "a stream",
}

// inputWriters are calls that store input into the object an argument
// points to: the value is the first argument index written; for the
// scanf family every argument from there on is written.
var inputWriters = map[string]struct {
	first int
	rest  bool // every argument from first on
	what  string
}{
	"scanf":          {1, true, "scanf"},
	"vscanf":         {1, true, "scanf"},
	"wscanf":         {1, true, "scanf"},
	"fscanf":         {2, true, "fscanf"},
	"vfscanf":        {2, true, "fscanf"},
	"scanf_s":        {1, true, "scanf"},
	"fscanf_s":       {2, true, "fscanf"},
	"__isoc99_scanf": {1, true, "scanf"},
	"fgets":          {0, false, "fgets"},
	"fgetws":         {0, false, "fgets"},
	"gets":           {0, false, "gets"},
	"gets_s":         {0, false, "gets"},
	"fread":          {0, false, "fread"},
	"read":           {1, false, "read"},
	"pread":          {1, false, "read"},
	"recv":           {1, false, "recv"},
	"recvfrom":       {1, false, "recv"},
	"recvmsg":        {1, false, "recv"},
	"getline":        {0, false, "getline"}, // C: getline(&line, &n, f); C++: getline(cin, s) is handled apart
	"getdelim":       {0, false, "getdelim"},
	"fgets_unlocked": {0, false, "fgets"},
}

// valuePropagators return a value derived from their arguments: numbers
// parsed from a string, copies, substrings.
var valuePropagators = map[string]bool{
	"atoi": true, "atol": true, "atoll": true, "atof": true,
	"strtol": true, "strtoul": true, "strtoll": true, "strtoull": true,
	"strtod": true, "strtof": true, "strtold": true, "strtoimax": true, "strtoumax": true,
	"stoi": true, "stol": true, "stoll": true, "stoul": true, "stoull": true,
	"stof": true, "stod": true, "stold": true,
	"strdup": true, "strndup": true, "strchr": true, "strrchr": true, "strstr": true,
	"strpbrk": true, "strtok": true, "strtok_r": true, "strsep": true,
	"string": true, "wstring": true, "to_string": true, "move": true,
	"abs": true, "labs": true, "llabs": true, "ntohl": true, "ntohs": true,
	"toupper": true, "tolower": true, "memchr": true,
	"static_cast": true, "reinterpret_cast": true, "const_cast": true,
	"lexical_cast": true, "atoi64": true, "realpath": true, "canonicalize_file_name": true,
	"sqlite3_mprintf": true, "sqlite3_vmprintf": true,
}

// writerPropagators copy data from some arguments into the buffer of
// another: dst is the written argument, from the first source argument on
// (every later argument is a source).
var writerPropagators = map[string]struct{ dst, from int }{
	"sprintf":   {0, 1},
	"vsprintf":  {0, 1},
	"snprintf":  {0, 2},
	"vsnprintf": {0, 2},
	"swprintf":  {0, 2},
	"strcpy":    {0, 1},
	"strncpy":   {0, 1},
	"stpcpy":    {0, 1},
	"stpncpy":   {0, 1},
	"strcat":    {0, 1},
	"strncat":   {0, 1},
	"strlcpy":   {0, 1},
	"strlcat":   {0, 1},
	"memcpy":    {0, 1},
	"memmove":   {0, 1},
	"mempcpy":   {0, 1},
	"bcopy":     {1, 0}, // bcopy(src, dst, n): handled by a special case
	"wcscpy":    {0, 1},
	"wcscat":    {0, 1},
	"asprintf":  {0, 1},
}

// stringMethods are C++ member functions whose result carries the
// receiver's data; appenders carry their argument into the receiver.
var stringMethods = map[string]bool{
	".c_str": true, ".data": true, ".substr": true, ".str": true, ".at": true,
	".front": true, ".back": true, ".begin": true, ".get": true, ".string": true,
	".append": true, ".insert": true, ".replace": true, ".operator+": true,
}

var stringAppenders = map[string]bool{
	".append": true, ".assign": true, ".insert": true, ".push_back": true,
	".replace": true, ".operator+=": true, ".str": true,
}

// noReturn are calls after which the program does not go on.
var noReturn = map[string]bool{
	"exit": true, "_exit": true, "_Exit": true, "abort": true, "quick_exit": true,
	"err": true, "errx": true, "verr": true, "verrx": true, "longjmp": true,
	"siglongjmp": true, "terminate": true, "__builtin_unreachable": true,
	"pthread_exit": true, "throw": true,
}

// allocators return fresh memory, or NULL when they fail.
var allocators = map[string]bool{
	"malloc": true, "calloc": true, "realloc": true, "reallocarray": true,
	"aligned_alloc": true, "valloc": true, "pvalloc": true, "memalign": true,
	"kmalloc": true, "kzalloc": true,
}

// freeFuncs release memory passed as their first argument.
var freeFuncs = map[string]bool{"free": true, "cfree": true, "kfree": true}

// derefFuncs dereference the listed pointer arguments (-1: every pointer
// argument after the format). The list follows what CodeQL's nullness
// analysis treats as a dereference: the string and memory functions, and
// the glibc functions that _FORTIFY_SOURCE turns into checked inline
// wrappers (the study compiled with -D_FORTIFY_SOURCE=2). puts, scanf and
// free are not in it.
var derefFuncs = map[string][]int{
	"memcpy": {0, 1}, "memmove": {0, 1}, "mempcpy": {0, 1}, "memset": {0},
	"bcopy": {0, 1}, "bzero": {0}, "explicit_bzero": {0},
	"strcpy": {0, 1}, "strncpy": {0, 1}, "stpcpy": {0, 1}, "stpncpy": {0, 1},
	"strcat": {0, 1}, "strncat": {0, 1}, "strdup": {0}, "strndup": {0}, "strlen": {0},
	"sprintf": {0, -1}, "snprintf": {0, -1}, "vsprintf": {0}, "vsnprintf": {0},
	"printf": {-1}, "fprintf": {-1}, "dprintf": {-1}, "vprintf": {}, "vfprintf": {},
	"fgets": {0}, "fgets_unlocked": {0}, "gets": {0}, "fread": {0}, "fread_unlocked": {0},
	"read": {1}, "pread": {1}, "recv": {1}, "recvfrom": {1},
	"readlink": {1}, "getcwd": {0}, "realpath": {1}, "wcscpy": {0, 1}, "wcsncpy": {0, 1},
}

// shellFuncs run their first argument through a shell.
var shellFuncs = map[string]bool{
	"system": true, "popen": true, "_popen": true, "_wsystem": true, "_wpopen": true,
	"wordexp": true,
}

// execFuncs start a program; when the program is a shell with "-c", the
// argument after "-c" is a shell command.
var execFuncs = map[string]bool{
	"execl": true, "execlp": true, "execle": true, "execv": true, "execvp": true,
	"execve": true, "execvpe": true, "posix_spawn": true, "posix_spawnp": true,
}

// fileOpeners take a path: the index of the path argument.
var fileOpeners = map[string]int{
	"fopen": 0, "fopen64": 0, "freopen": 0, "open": 0, "open64": 0, "creat": 0,
	"openat": 1, "_open": 0, "_wopen": 0, "_wfopen": 0, "fopen_s": 1,
	"ifstream": 0, "ofstream": 0, "fstream": 0, ".open": 0,
}

// outputFuncs write their data arguments somewhere a user sees them (a
// page, a socket, a terminal): the index of the first data argument.
var outputFuncs = map[string]int{
	"printf": 0, "vprintf": 0, "puts": 0, "putchar": 0,
	"fprintf": 1, "vfprintf": 1, "dprintf": 1, "fputs": 0, "fputc": 0, "putc": 0,
	"fwrite": 0, "write": 1, "send": 1, "sendto": 1, "FCGX_FPrintF": 1, "FCGI_printf": 0,
}

// escapeName reports whether a function's name says it escapes or
// encodes its argument for a page (escape_html, html_encode, sanitize...).
func escapeName(name string) bool {
	l := strings.ToLower(strings.TrimPrefix(name, "."))
	for _, w := range []string{"escape", "encode", "sanitiz", "sanitis", "htmlspecial", "html_ent", "htmlent", "quote"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// libraryEscaper reports a call of an escaping or quoting function that
// the file does not define (g_shell_quote, an html_escape of a library):
// it is trusted by its name. The file's own escapers are judged by their
// bodies (shellEscaper, htmlEscaper), whatever they are called.
func libraryEscaper(f *function, c *callSite) bool {
	return escapeName(c.name) && f.callee(c) == nil
}

// libraryFuncs are well-known functions of the C library: a prototype for
// one of them in a file is not "an external source of data".
var libraryFuncs = map[string]bool{}

func init() {
	for _, m := range []map[string]bool{valuePropagators, noReturn, allocators, freeFuncs, shellFuncs, execFuncs} {
		for k := range m {
			libraryFuncs[k] = true
		}
	}
	for k := range inputReturns {
		libraryFuncs[k] = true
	}
	for k := range inputWriters {
		libraryFuncs[k] = true
	}
	for k := range writerPropagators {
		libraryFuncs[k] = true
	}
	for k := range derefFuncs {
		libraryFuncs[k] = true
	}
	for k := range outputFuncs {
		libraryFuncs[k] = true
	}
	for k := range fileOpeners {
		libraryFuncs[k] = true
	}
	for _, k := range []string{"rand", "random", "srand", "time", "strcmp", "strncmp", "strlen",
		"memcmp", "memset", "sizeof", "rand_r", "close", "fclose", "fflush", "perror", "sqrt",
		"pow", "fabs", "floor", "ceil", "round", "isdigit", "isalpha", "isalnum", "isspace",
		"sleep", "usleep", "umask", "chmod", "fchmod", "mkdir", "unlink", "remove", "rename",
		"strspn", "strcspn", "snprintf", "fseek", "ftell", "rewind", "feof", "ferror"} {
		libraryFuncs[k] = true
	}
}

// Generates a gradient test image of a given size in the image format named on the command line.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

class ImageWriter {
public:
    virtual ~ImageWriter() = default;
    virtual std::string name() const = 0;
    virtual void write(std::ostream &os, int w, int h, const std::vector<unsigned char> &gray) const = 0;
};

class PgmWriter : public ImageWriter {
public:
    std::string name() const override { return "pgm"; }
    void write(std::ostream &os, int w, int h, const std::vector<unsigned char> &gray) const override
    {
        os << "P5\n" << w << " " << h << "\n255\n";
        os.write(reinterpret_cast<const char *>(gray.data()), static_cast<std::streamsize>(gray.size()));
    }
};

class PpmWriter : public ImageWriter {
public:
    std::string name() const override { return "ppm"; }
    void write(std::ostream &os, int w, int h, const std::vector<unsigned char> &gray) const override
    {
        os << "P6\n" << w << " " << h << "\n255\n";
        for (unsigned char g : gray) {
            const char px[3] = { static_cast<char>(g), static_cast<char>(g / 2), static_cast<char>(255 - g) };
            os.write(px, 3);
        }
    }
};

class AsciiWriter : public ImageWriter {
public:
    std::string name() const override { return "txt"; }
    void write(std::ostream &os, int w, int, const std::vector<unsigned char> &gray) const override
    {
        static const char ramp[] = " .:-=+*#%@";
        for (size_t i = 0; i < gray.size(); i++) {
            os << ramp[gray[i] * 9 / 255];
            if ((i + 1) % static_cast<size_t>(w) == 0)
                os << '\n';
        }
    }
};

using WriterFactory = std::function<std::unique_ptr<ImageWriter>()>;

static const std::map<std::string, WriterFactory> &registry()
{
    static const std::map<std::string, WriterFactory> r = {
        { "pgm", [] { return std::make_unique<PgmWriter>(); } },
        { "ppm", [] { return std::make_unique<PpmWriter>(); } },
        { "txt", [] { return std::make_unique<AsciiWriter>(); } },
    };
    return r;
}

static std::unique_ptr<ImageWriter> make_writer(const std::string &format)
{
    auto it = registry().find(format);
    if (it == registry().end())
        return nullptr;
    return it->second();
}

static bool parse_dim(const char *s, int &out)
{
    char *end = nullptr;
    long v = std::strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < 1 || v > 4096)
        return false;
    out = static_cast<int>(v);
    return true;
}

static std::vector<unsigned char> gradient(int w, int h)
{
    std::vector<unsigned char> px(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            px[static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)] =
                static_cast<unsigned char>((x + y) * 255 / (w + h - 1 > 0 ? w + h - 1 : 1));
    return px;
}

static int render(const std::string &format, int w, int h)
{
    std::unique_ptr<ImageWriter> writer = make_writer(format);
    if (!writer) {
        std::cerr << "unknown format '" << format << "'; supported:";
        for (const auto &kv : registry())
            std::cerr << " " << kv.first;
        std::cerr << "\n";
        return 2;
    }
    std::cerr << "writing " << w << "x" << h << " image as " << writer->name() << "\n";
    writer->write(std::cout, w, h, gradient(w, h));
    return std::cout.good() ? 0 : 1;
}

int main(int argc, char **argv)
{
    int w = 0, h = 0;
    if (argc != 4 || !parse_dim(argv[2], w) || !parse_dim(argv[3], h)) {
        std::cerr << "usage: " << argv[0] << " FORMAT WIDTH HEIGHT  (1..4096)\n";
        return 2;
    }
    return render(argv[1], w, h);
}

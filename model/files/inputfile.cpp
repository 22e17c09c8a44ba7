// SPDX-License-Identifier: GPL-3.0-or-later
#include "inputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <fcntl.h>
#include <limits>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("InputFile", text);
}

QString typeName(mode_t mode)
{
    if (S_ISFIFO(mode)) return QCoreApplication::translate("InputFile", "a FIFO");
    if (S_ISCHR(mode)) return QCoreApplication::translate("InputFile", "a character device");
    if (S_ISBLK(mode)) return QCoreApplication::translate("InputFile", "a block device");
    if (S_ISDIR(mode)) return QCoreApplication::translate("InputFile", "a directory");
    if (S_ISSOCK(mode)) return QCoreApplication::translate("InputFile", "a socket");
    return QCoreApplication::translate("InputFile", "not a regular file");
}

constexpr qint64 kHeadBytes = 512; // enough to skip the white space before a JSON object
} // namespace

InputFile::InputFile() = default;

InputFile::~InputFile()
{
    if (m_fd >= 0 && !m_stdin) ::close(m_fd);
}

QString InputFile::name() const
{
    return m_stdin ? tr("standard input") : QDir::toNativeSeparators(m_path);
}

bool InputFile::open(const QString &path, QString *error)
{
    m_path = path;
    if (path.isEmpty()) {
        *error = tr("no file name given");
        return false;
    }
    if (path == u"-") {
        // Whatever standard input is (a pipe, a terminal, a file): the limits still hold.
        m_stdin = true;
        m_fd = STDIN_FILENO;
        return true;
    }
    if (path.startsWith(u':')) {
        // Compiled in (the built-in scenarios): no descriptor, nothing that could block.
        m_resource = QFile::exists(path);
        if (!m_resource) *error = tr("cannot open %1: no such resource").arg(path);
        return m_resource;
    }
    // O_NONBLOCK: a FIFO with no writer would block in open() for ever.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *error = tr("cannot open %1: %2").arg(name(), qt_error_string(errno));
        return false;
    }
    struct stat st { };
    if (::fstat(fd, &st) != 0) {
        *error = tr("cannot open %1: %2").arg(name(), qt_error_string(errno));
        ::close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = tr("%1 is %2, not a regular file (to read a stream, give - and send it to standard input)")
                     .arg(name(), typeName(st.st_mode));
        ::close(fd);
        return false;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    m_fd = fd;
    return true;
}

bool InputFile::fill(qint64 upTo, qint64 limit, const QString &what, QString *error)
{
    if (m_resource) {
        if (m_eof) return true;
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("cannot open %1: %2").arg(m_path, file.errorString());
            return false;
        }
        if (file.size() > limit) {
            *error = tr("%1 is larger than %2, the limit for %3").arg(name(), sizeText(limit), what);
            return false;
        }
        m_read = file.readAll();
        m_eof = true;
        return true;
    }
    struct stat st { };
    if (!m_stdin && ::fstat(m_fd, &st) == 0 && qint64(st.st_size) > limit) {
        *error = tr("%1 is larger than %2, the limit for %3").arg(name(), sizeText(limit), what);
        return false;
    }
    while (!m_eof && m_read.size() < upTo) {
        const qint64 chunk = std::min<qint64>(upTo - m_read.size(), 1 << 20);
        const qsizetype before = m_read.size();
        m_read.resize(before + qsizetype(chunk));
        const ssize_t n = ::read(m_fd, m_read.data() + before, size_t(chunk));
        m_read.resize(before + std::max<qsizetype>(n, 0));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) {
            // Standard input may have been left non-blocking by whoever started us.
            pollfd p {m_fd, POLLIN, 0};
            ::poll(&p, 1, -1);
            continue;
        }
        if (n < 0) {
            *error = tr("cannot read %1: %2").arg(name(), qt_error_string(errno));
            return false;
        }
        if (n == 0) m_eof = true;
        if (m_read.size() > limit) {
            *error = tr("%1 is larger than %2, the limit for %3").arg(name(), sizeText(limit), what);
            return false;
        }
    }
    return true;
}

InputFile::Kind InputFile::kind(QString *error)
{
    if (!fill(kHeadBytes, std::numeric_limits<qint64>::max(), {}, error)) return Kind::Unknown;
    error->clear();
    return kindOf(m_read.left(kHeadBytes));
}

InputFile::Kind InputFile::kindOf(QByteArrayView b)
{
    if (b.isEmpty()) return Kind::Empty;
    if (looksLikeCapture(b)) return Kind::Capture;
    if (b.startsWith("\xEF\xBB\xBF")) b = b.sliced(3);
    for (char c : b) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        return c == '{' ? Kind::Json : Kind::Unknown;
    }
    return Kind::Unknown;
}

bool InputFile::looksLikeCapture(QByteArrayView b)
{
    if (b.size() < 4) return false;
    const auto *p = reinterpret_cast<const uchar *>(b.data());
    const quint32 magic = quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
    // pcap: microsecond and nanosecond magics in either byte order; pcapng: the section header
    // block's type, a palindrome.
    return magic == 0xa1b2c3d4 || magic == 0xd4c3b2a1 || magic == 0xa1b23c4d || magic == 0x4d3cb2a1
        || magic == 0x0a0d0d0a;
}

QString InputFile::kindError(Kind kind) const
{
    if (kind == Kind::Empty) return tr("%1 is empty").arg(name());
    return tr("%1 is neither a capture (pcap or pcapng) nor a SynScope trace (JSON): it starts with %2")
        .arg(name(), QString::fromLatin1(m_read.left(8).toHex(' ')));
}

bool InputFile::readAll(qint64 limit, const QString &what, QByteArray &out, QString *error)
{
    if (!fill(limit == std::numeric_limits<qint64>::max() ? limit : limit + 1, limit, what, error)) return false;
    out = m_read;
    return true;
}

QString InputFile::reopenablePath(qint64 limit, QString *error)
{
    if (m_resource) return m_reopened = m_path;
    if (m_stdin) {
        // The capture reader maps its file: standard input is copied into one first.
        if (!fill(limit + 1, limit, tr("a capture read from standard input"), error)) return {};
        m_copy = std::make_unique<QTemporaryFile>();
        if (!m_copy->open() || m_copy->write(m_read) != m_read.size() || !m_copy->flush()) {
            *error = tr("cannot copy standard input to %1: %2").arg(m_copy->fileName(), m_copy->errorString());
            return {};
        }
        return m_reopened = m_copy->fileName();
    }
    // The very file that was checked, even if the name now points elsewhere.
    const QString self = QStringLiteral("/proc/self/fd/%1").arg(m_fd);
    return m_reopened = QFileInfo::exists(self) ? self : m_path;
}

QString InputFile::replacePath(QString message) const
{
    if (!m_reopened.isEmpty() && m_reopened != m_path) message.replace(m_reopened, name());
    return message;
}

QString InputFile::sizeText(qint64 bytes)
{
    static const char *units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = double(bytes);
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    const bool whole = value == double(qint64(value));
    return QString::number(value, 'f', whole ? 0 : 1) + u' ' + QString::fromLatin1(units[unit]);
}

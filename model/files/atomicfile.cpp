// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QRandomGenerator>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace AtomicFile {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AtomicFile", text);
}

QString shownName(const QString &path)
{
    return isStandardOutput(path) ? tr("standard output") : QDir::toNativeSeparators(path);
}

QString cannotWrite(const QString &path, const QString &why)
{
    return tr("cannot write %1: %2").arg(shownName(path), why);
}

int retryClose(int fd)
{
    // Linux frees the descriptor even when close() fails with EINTR: never close it twice.
    return ::close(fd) == 0 || errno == EINTR ? 0 : -1;
}

// A write-only device over a descriptor that checks every write: a short write is followed by
// the write that says why (ENOSPC, EFBIG, EPIPE), and the first failure sticks, so a producer
// that does not look at write()'s result (QPdfWriter, QImageWriter) cannot hide it.
class CheckedDevice final : public QIODevice {
public:
    CheckedDevice(int fd, bool seekable)
        : m_fd(fd)
        , m_seekable(seekable)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    int failure() const { return m_errno; }
    bool isSequential() const override { return !m_seekable; }
    bool seek(qint64 pos) override
    {
        if (!m_seekable || m_errno || ::lseek(m_fd, off_t(pos), SEEK_SET) < 0) return false;
        return QIODevice::seek(pos);
    }
    qint64 size() const override
    {
        struct stat st { };
        return m_seekable && ::fstat(m_fd, &st) == 0 ? qint64(st.st_size) : QIODevice::size();
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (m_errno) return -1;
        qint64 done = 0;
        while (done < len) {
            const ssize_t n = ::write(m_fd, data + done, size_t(std::min<qint64>(len - done, 1 << 30)));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                m_errno = n < 0 ? errno : EIO;
                setErrorString(qt_error_string(m_errno));
                return -1;
            }
            done += n;
        }
        return done;
    }

private:
    int m_fd;
    bool m_seekable;
    int m_errno = 0;
};

// What is at the path now, found on the descriptor open() gave (no check-then-open race).
struct Target {
    enum class Kind { Create, Replace, InPlace } kind = Kind::Create;
    QString finalPath; // where the bytes end up (a symlink's target, for a regular file)
    int fd = -1; // InPlace: the open device, FIFO or standard output
    bool ownsFd = false;
    bool regular = false; // InPlace on a regular file (standard output redirected to one)
    mode_t mode = 0;
    uid_t uid = 0;
    gid_t gid = 0;

    ~Target()
    {
        if (ownsFd && fd >= 0) retryClose(fd);
    }
};

bool openTarget(const QString &path, Target &t, QString *error)
{
    t.finalPath = path;
    if (isStandardOutput(path)) {
        struct stat st { };
        t.kind = Target::Kind::InPlace;
        t.fd = STDOUT_FILENO;
        t.regular = ::fstat(t.fd, &st) == 0 && S_ISREG(st.st_mode);
        return true;
    }
    const QByteArray native = QFile::encodeName(path);
    // Not O_CREAT: a new file is made as a temporary one. O_NONBLOCK: a FIFO with no reader
    // fails with ENXIO instead of blocking in open().
    const int fd = ::open(native.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st { };
    if (fd < 0) {
        const int err = errno;
        if (err == ENOENT) {
            t.kind = Target::Kind::Create;
            return true;
        }
        if (err == ETXTBSY && ::stat(native.constData(), &st) == 0 && S_ISREG(st.st_mode)) {
            t.kind = Target::Kind::Replace; // a running program: replaced by rename, as a new file
        } else if (err == ENXIO && ::stat(native.constData(), &st) == 0 && S_ISFIFO(st.st_mode)) {
            t.kind = Target::Kind::InPlace; // with no descriptor: write() says there is no reader
            return true;
        } else if (err == EISDIR) {
            *error = cannotWrite(path, tr("it is a directory"));
            return false;
        } else {
            *error = cannotWrite(path, qt_error_string(err));
            return false;
        }
    } else if (::fstat(fd, &st) != 0) {
        const int err = errno;
        retryClose(fd);
        *error = cannotWrite(path, qt_error_string(err));
        return false;
    } else if (!S_ISREG(st.st_mode)) {
        // A device or a FIFO: written where it is. Its writes may block from here on (a slow
        // reader), as a program writing to a pipe does; only the open must not wait.
        t.kind = Target::Kind::InPlace;
        t.fd = fd;
        t.ownsFd = true;
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        return true;
    } else {
        retryClose(fd);
        t.kind = Target::Kind::Replace;
    }
    t.mode = st.st_mode & 07777;
    t.uid = st.st_uid;
    t.gid = st.st_gid;
    // A symlink to a file stays a symlink: the file it points to is replaced.
    if (QFileInfo(path).isSymLink()) {
        char resolved[PATH_MAX];
        if (::realpath(native.constData(), resolved)) t.finalPath = QFile::decodeName(resolved);
    }
    return true;
}

// A temporary file beside `finalPath` (same file system, so rename() is atomic).
struct TempFile {
    QString path;
    int fd = -1;

    ~TempFile() { discard(); }
    void discard()
    {
        if (fd >= 0) retryClose(fd);
        fd = -1;
        if (!path.isEmpty()) ::unlink(QFile::encodeName(path).constData());
        path.clear();
    }
};

bool makeTemp(const QString &path, const Target &t, TempFile &temp, QString *error)
{
    const QFileInfo final(t.finalPath);
    const QString dir = final.absolutePath();
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
        QString name = u'.' + final.fileName() + u'.';
        for (int i = 0; i < 6; ++i)
            name += QChar::fromLatin1(letters[QRandomGenerator::global()->bounded(int(sizeof letters - 1))]);
        name += QStringLiteral(".tmp");
        const QString candidate = dir + u'/' + name;
        // 0666 less the umask for a new file, as any program's new file.
        const int fd =
            ::open(QFile::encodeName(candidate).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd < 0 && errno == EEXIST) continue;
        if (fd < 0) {
            *error = cannotWrite(path, qt_error_string(errno));
            return false;
        }
        temp.path = candidate;
        temp.fd = fd;
        if (t.kind == Target::Kind::Replace) {
            // The replacement keeps the file's permissions (and, where allowed, its owner).
            ::fchmod(fd, t.mode);
            if (geteuid() == 0) (void)!::fchown(fd, t.uid, t.gid);
        }
        return true;
    }
    *error = cannotWrite(path, qt_error_string(EEXIST));
    return false;
}

// Writes the content through a checked device, then makes sure it reached the file system.
bool fill(int fd, bool seekable, bool sync, const QString &path, const Producer &produce, QString *error)
{
    CheckedDevice device(fd, seekable);
    QString why;
    const bool produced = produce(device, &why);
    if (device.failure()) {
        // The system's reason, whatever the producer made of it.
        *error = cannotWrite(path, qt_error_string(device.failure()));
        return false;
    }
    if (!produced) {
        *error = cannotWrite(path, why);
        return false;
    }
    if (sync && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        *error = cannotWrite(path, qt_error_string(errno));
        return false;
    }
    return true;
}

bool finishTemp(const QString &path, TempFile &temp, QString *error)
{
    const int fd = temp.fd;
    temp.fd = -1;
    // close() reports what a network file system kept back until now.
    if (::close(fd) != 0 && errno != EINTR) {
        *error = cannotWrite(path, qt_error_string(errno));
        return false;
    }
    return true;
}

void syncDirectory(const QString &finalPath)
{
    const int dir =
        ::open(QFile::encodeName(QFileInfo(finalPath).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir); // the rename itself on disk; a file system that cannot is no reason to fail
        retryClose(dir);
    }
}

bool renameInto(const QString &path, const QString &from, const QString &to, QString *error)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = cannotWrite(path, qt_error_string(errno));
        return false;
    }
    return true;
}
} // namespace

bool isStandardOutput(const QString &path)
{
    return path == u"-";
}

bool write(const QString &path, const Producer &produce, QString *error)
{
    if (path.isEmpty()) {
        *error = tr("no file name given");
        return false;
    }
    Target target;
    if (!openTarget(path, target, error)) return false;
    if (target.kind == Target::Kind::InPlace) {
        if (target.fd < 0) {
            *error = cannotWrite(path, tr("no reader on the FIFO (start the reader first)"));
            return false;
        }
        if (!fill(target.fd, false, target.regular, path, produce, error)) return false;
        if (target.ownsFd) {
            target.ownsFd = false;
            if (::close(target.fd) != 0 && errno != EINTR) {
                *error = cannotWrite(path, qt_error_string(errno));
                return false;
            }
        }
        return true;
    }
    TempFile temp;
    if (!makeTemp(path, target, temp, error) || !fill(temp.fd, true, true, path, produce, error)
        || !finishTemp(path, temp, error) || !renameInto(path, temp.path, target.finalPath, error))
        return false;
    temp.path.clear(); // it is the target now
    syncDirectory(target.finalPath);
    return true;
}

bool write(const QString &path, const QByteArray &bytes, QString *error)
{
    return write(
        path,
        [&bytes](QIODevice &device, QString *why) {
            if (device.write(bytes) != bytes.size()) {
                *why = device.errorString();
                return false;
            }
            return true;
        },
        error);
}

bool writeAll(const QStringList &paths, const QList<QByteArray> &contents, QString *error)
{
    Q_ASSERT(paths.size() == contents.size());
    if (paths.size() == 1) return write(paths.first(), contents.first(), error);
    std::vector<Target> targets(size_t(paths.size()));
    std::vector<TempFile> temps(size_t(paths.size()));
    // Everything that can fail for want of space or permission happens before any target changes.
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString &path = paths[i];
        if (path.isEmpty()) {
            *error = tr("no file name given");
            return false;
        }
        if (isStandardOutput(path)) {
            *error =
                tr("this export makes %1 files, and standard output takes one: give a file name").arg(paths.size());
            return false;
        }
        Target &t = targets[size_t(i)];
        if (!openTarget(path, t, error)) return false;
        if (t.kind == Target::Kind::InPlace) {
            *error = cannotWrite(path,
                                 tr("it is not a regular file, and a set of %1 files is written to regular files only")
                                     .arg(paths.size()));
            return false;
        }
        const QByteArray &bytes = contents[i];
        TempFile &temp = temps[size_t(i)];
        if (!makeTemp(path, t, temp, error)
            || !fill(
                temp.fd, true, true, path,
                [&bytes](QIODevice &device, QString *why) {
                    if (device.write(bytes) != bytes.size()) {
                        *why = device.errorString();
                        return false;
                    }
                    return true;
                },
                error)
            || !finishTemp(path, temp, error))
            return false;
    }
    // Then the renames. The file each one replaces is kept under a hard link until all are done,
    // so that a failure half-way can put every target back as it was.
    struct Done {
        QString finalPath;
        QString backup; // the file it replaced, under a hard link
        bool existed = false;
    };
    std::vector<Done> done;
    auto rollBack = [&] {
        for (auto it = done.rbegin(); it != done.rend(); ++it) {
            const QByteArray target = QFile::encodeName(it->finalPath);
            if (!it->backup.isEmpty())
                ::rename(QFile::encodeName(it->backup).constData(), target.constData());
            else if (!it->existed)
                ::unlink(target.constData());
            // (A file system without hard links keeps the new file there: the old one is gone.)
        }
    };
    for (qsizetype i = 0; i < paths.size(); ++i) {
        Target &t = targets[size_t(i)];
        Done d {t.finalPath, {}, t.kind == Target::Kind::Replace};
        if (t.kind == Target::Kind::Replace) {
            const QString backup = temps[size_t(i)].path + QStringLiteral(".old");
            if (::link(QFile::encodeName(t.finalPath).constData(), QFile::encodeName(backup).constData()) == 0)
                d.backup = backup;
        }
        if (!renameInto(paths[i], temps[size_t(i)].path, t.finalPath, error)) {
            if (!d.backup.isEmpty()) ::unlink(QFile::encodeName(d.backup).constData());
            rollBack();
            return false;
        }
        temps[size_t(i)].path.clear();
        done.push_back(d);
    }
    for (const Done &d : done) {
        if (!d.backup.isEmpty()) ::unlink(QFile::encodeName(d.backup).constData());
    }
    syncDirectory(targets.front().finalPath);
    return true;
}

} // namespace AtomicFile

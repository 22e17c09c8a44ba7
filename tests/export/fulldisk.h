// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real full disk for the export tests: a 64 KiB tmpfs mounted on a private temporary directory
// (root only), filled up to the free space a test asks for. Unmounted when it goes.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

// Whether `path` is still a FIFO (never replaced by a regular file), without following links.
inline bool isFifo(const QString &path)
{
    struct stat st { };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISFIFO(st.st_mode);
}

class FullDisk {
public:
    static constexpr qint64 kSize = 64 * 1024;

    // Why there is no full disk here (empty when there is one).
    QString unavailable() const { return m_why; }
    QString path() const { return m_mount; }
    QString filePath(const QString &name) const { return QDir(m_mount).filePath(name); }

    FullDisk()
    {
        if (geteuid() != 0) {
            m_why = QStringLiteral("mounting a tmpfs needs root");
            return;
        }
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary directory");
            return;
        }
        m_mount = m_dir.filePath(QStringLiteral("disk"));
        const QByteArray where = QFile::encodeName(m_mount);
        if (::mkdir(where.constData(), 0755) != 0
            || ::mount("synscope-test", where.constData(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") != 0) {
            m_why = QStringLiteral("mount -t tmpfs failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~FullDisk()
    {
        if (m_mounted) ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
    }
    FullDisk(const FullDisk &) = delete;
    FullDisk &operator=(const FullDisk &) = delete;

    // Fills the disk with a file so that only `freeBytes` (a multiple of 4 KiB) stay free.
    bool fillLeaving(qint64 freeBytes)
    {
        const QByteArray filler = QFile::encodeName(filePath(QStringLiteral("filler")));
        const int fd = ::open(filler.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) return false;
        const QByteArray block(4096, 'f');
        qint64 size = 0;
        for (;;) {
            const ssize_t n = ::write(fd, block.constData(), size_t(block.size()));
            if (n <= 0) break;
            size += n;
        }
        const bool full = errno == ENOSPC;
        const bool ok = full && ::ftruncate(fd, off_t(std::max<qint64>(0, size - freeBytes))) == 0;
        ::close(fd);
        return ok;
    }

private:
    QTemporaryDir m_dir;
    QString m_mount;
    QString m_why;
    bool m_mounted = false;
};

// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic writes: a failed export says what and where, leaves no half file and keeps the old one
// byte for byte — on a really full disk (tmpfs, as root), on a short write (the file size limit,
// for everyone), with a producer that ignores write errors; devices and FIFOs are written in place
// and never replaced; a set of files is written all or none.

#include "files/atomicfile.h"
#include "fulldisk.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesAndReplaces();
    void failedProductionKeepsTheOldFile();
    void unwritablePlaceIsNamed_data();
    void unwritablePlaceIsNamed();
    void unwritableFileKeepsItsContent();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
    void shortWriteKeepsTheOldFile();
    void ignoredWriteErrorStillFails();
    void deviceIsWrittenInPlace_data();
    void deviceIsWrittenInPlace();
    void fifoWithoutReaderFailsAtOnce();
    void fifoWithReaderGetsTheBytes();
    void symlinkAndPermissionsStay();
    void setOfFilesAllOrNone();
    void setOfFilesOnAFullDisk();

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Only the old file is left beside the path: no temporary file, no backup.
    static QStringList leftovers(const QString &dir)
    {
        QStringList names = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
        names.removeAll(QStringLiteral("filler"));
        return names;
    }
    QTemporaryDir m_dir;
};

void TestAtomicFile::writesAndReplaces()
{
    const QString path = m_dir.filePath(QStringLiteral("a.txt"));
    QString error;
    QVERIFY2(AtomicFile::write(path, QByteArray("first"), &error), qPrintable(error));
    QCOMPARE(read(path), QByteArray("first"));
    QVERIFY2(AtomicFile::write(path, QByteArray("second"), &error), qPrintable(error));
    QCOMPARE(read(path), QByteArray("second"));
}

void TestAtomicFile::failedProductionKeepsTheOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("b.svg"));
    QString error;
    QVERIFY(AtomicFile::write(path, QByteArray("<svg>old</svg>"), &error));
    const bool ok = AtomicFile::write(
        path,
        [](QIODevice &device, QString *why) {
            device.write("<svg>half");
            *why = QStringLiteral("the painter gave up");
            return false;
        },
        &error);
    QVERIFY(!ok);
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("the painter gave up")), qPrintable(error));
    QCOMPARE(read(path), QByteArray("<svg>old</svg>"));
    // No temporary file left beside it.
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("b.svg*")}, QDir::Files | QDir::Hidden),
             QStringList {QStringLiteral("b.svg")});
}

void TestAtomicFile::unwritablePlaceIsNamed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing directory") << m_dir.filePath(QStringLiteral("no/such/dir/x.png")) << QString();
    QTest::newRow("a directory") << m_dir.path() << QStringLiteral("directory");
    QTest::newRow("empty name") << QString() << QStringLiteral("no file name");
}

void TestAtomicFile::unwritablePlaceIsNamed()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!AtomicFile::write(path, QByteArray("x"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
}

void TestAtomicFile::unwritableFileKeepsItsContent()
{
    // procfs refuses new files even to root (the tests run as root, which ignores permission bits):
    // a real place where the temporary file cannot be made, with a real old file in it.
    const QString path = QStringLiteral("/proc/version");
    const QByteArray before = read(path);
    if (before.isEmpty()) QSKIP("no /proc/version here");
    QString error;
    QVERIFY(!AtomicFile::write(path, QByteArray("overwritten"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write /proc/version: ")), qPrintable(error));
    QCOMPARE(read(path), before);
}

void TestAtomicFile::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<qint64>("freeBytes");
    QTest::addColumn<qint64>("size");
    // As reported: nothing free (the old file was lost), and 20 KB free under a larger file (a
    // truncated file was left).
    QTest::newRow("0 KB free") << qint64(0) << qint64(10000);
    QTest::newRow("20 KB free") << qint64(20 * 1024) << qint64(40 * 1024);
}

void TestAtomicFile::fullDiskKeepsTheOldFile()
{
    QFETCH(qint64, freeBytes);
    QFETCH(qint64, size);
    FullDisk disk;
    if (!disk.unavailable().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no full disk to test on: ") + disk.unavailable()));
    const QString path = disk.filePath(QStringLiteral("flow.txt"));
    const QByteArray old = QByteArray("the previous export\n").repeated(100);
    QString error;
    QVERIFY2(AtomicFile::write(path, old, &error), qPrintable(error));
    QVERIFY(disk.fillLeaving(freeBytes));

    QVERIFY(!AtomicFile::write(path, QByteArray(size, 'x'), &error));
    QCOMPARE(error, QStringLiteral("cannot write %1: No space left on device").arg(path));
    QCOMPARE(read(path), old);
    QCOMPARE(leftovers(disk.path()), QStringList {QStringLiteral("flow.txt")});

    // Streamed by a producer too (the text flow and the PDF are).
    const bool ok = AtomicFile::write(
        path,
        [&](QIODevice &device, QString *) {
            for (qint64 done = 0; done < size; done += 1000)
                device.write(QByteArray(1000, 'y'));
            return true;
        },
        &error);
    QVERIFY(!ok);
    QVERIFY2(error.endsWith(QStringLiteral("No space left on device")), qPrintable(error));
    QCOMPARE(read(path), old);
    QCOMPARE(leftovers(disk.path()), QStringList {QStringLiteral("flow.txt")});
}

namespace {
// The file size limit makes the kernel cut a write short and refuse the next one (EFBIG): a real
// short write, for any user. SIGXFSZ is ignored meanwhile, as it would kill the test.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit {bytes, m_old.rlim_max};
        m_ok = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_handler);
    }
    bool isSet() const { return m_ok; }

private:
    rlimit m_old {};
    void (*m_handler)(int) = nullptr;
    bool m_ok = false;
};
} // namespace

void TestAtomicFile::shortWriteKeepsTheOldFile()
{
    const QString path = m_dir.filePath(QStringLiteral("big.pdf"));
    const QByteArray old("%PDF-1.4 the previous export %%EOF\n");
    QString error;
    QVERIFY2(AtomicFile::write(path, old, &error), qPrintable(error));
    bool ok = true;
    {
        FileSizeLimit limit(64 * 1024);
        QVERIFY(limit.isSet());
        // One write of 100 KiB: the kernel writes 64 KiB of it, and the rest fails with EFBIG.
        ok = AtomicFile::write(path, QByteArray(100 * 1024, 'x'), &error);
    }
    QVERIFY(!ok);
    QCOMPARE(error, QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(EFBIG)));
    QCOMPARE(read(path), old);
    QCOMPARE(leftovers(m_dir.path()).filter(QStringLiteral("big.pdf")), QStringList {QStringLiteral("big.pdf")});
}

void TestAtomicFile::ignoredWriteErrorStillFails()
{
    // QPdfWriter and QImageWriter do not look at what write() returns: the device remembers the
    // first failure, and the export fails with the system's reason, not "Unknown error".
    const QString path = m_dir.filePath(QStringLiteral("ignored.pdf"));
    const QByteArray old("old");
    QString error;
    QVERIFY2(AtomicFile::write(path, old, &error), qPrintable(error));
    bool ok = true;
    {
        FileSizeLimit limit(16 * 1024);
        QVERIFY(limit.isSet());
        ok = AtomicFile::write(
            path,
            [](QIODevice &device, QString *) {
                for (int i = 0; i < 40; ++i)
                    device.write(QByteArray(1024, 'p'));
                return true; // "all went well"
            },
            &error);
    }
    QVERIFY(!ok);
    QVERIFY2(error.endsWith(qt_error_string(EFBIG)), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("Unknown error")));
    QCOMPARE(read(path), old);
}

void TestAtomicFile::deviceIsWrittenInPlace_data()
{
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("message");
    // Made with mknod in a temporary directory, as the report's device was: the export goes into
    // the device, and the node stays a device.
    QTest::newRow("null device") << 3 << true << QString();
    QTest::newRow("full device") << 7 << false << QStringLiteral("No space left on device");
}

void TestAtomicFile::deviceIsWrittenInPlace()
{
    QFETCH(int, minor);
    QFETCH(bool, succeeds);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString node = dir.filePath(QStringLiteral("char-device"));
    const QByteArray nodeName = QFile::encodeName(node);
    if (::mknod(nodeName.constData(), S_IFCHR | 0666, makedev(1, unsigned(minor))) != 0)
        QSKIP(qPrintable(QStringLiteral("mknod needs CAP_MKNOD: ") + qt_error_string(errno)));
    QString error;
    QCOMPARE(AtomicFile::write(node, QByteArray(8192, 'j'), &error), succeeds);
    if (!succeeds) QCOMPARE(error, QStringLiteral("cannot write %1: %2").arg(node, message));
    struct stat st { };
    QCOMPARE(::lstat(nodeName.constData(), &st), 0);
    QVERIFY2(S_ISCHR(st.st_mode), "the device node was replaced");
    QCOMPARE(st.st_rdev, makedev(1, unsigned(minor)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList {QStringLiteral("char-device")});
}

void TestAtomicFile::fifoWithoutReaderFailsAtOnce()
{
    const QString fifo = m_dir.filePath(QStringLiteral("nobody-reads"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QString error;
    // Blocking in open() would hang the test here, until ctest's timeout.
    QVERIFY(!AtomicFile::write(fifo, QByteArray("{}"), &error));
    QCOMPARE(error, QStringLiteral("cannot write %1: no reader on the FIFO (start the reader first)").arg(fifo));
    QVERIFY(isFifo(fifo));
}

void TestAtomicFile::fifoWithReaderGetsTheBytes()
{
    const QString fifo = m_dir.filePath(QStringLiteral("someone-reads"));
    const QByteArray name = QFile::encodeName(fifo);
    QCOMPARE(::mkfifo(name.constData(), 0600), 0);
    const int reader = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    const QByteArray bytes("sequenceDiagram\n  client->>server: SYN J\n"); // fits the pipe's buffer
    QString error;
    const bool ok = AtomicFile::write(fifo, bytes, &error);
    QByteArray got(4096, 0);
    const ssize_t n = ::read(reader, got.data(), size_t(got.size()));
    ::close(reader);
    QVERIFY2(ok, qPrintable(error));
    QCOMPARE(got.left(qsizetype(std::max<ssize_t>(n, 0))), bytes);
    QVERIFY(isFifo(fifo));
}

void TestAtomicFile::symlinkAndPermissionsStay()
{
    const QString file = m_dir.filePath(QStringLiteral("real.json"));
    const QString link = m_dir.filePath(QStringLiteral("link.json"));
    QString error;
    QVERIFY(AtomicFile::write(file, QByteArray("old"), &error));
    QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0640), 0);
    QVERIFY(QFile::link(file, link));
    QVERIFY2(AtomicFile::write(link, QByteArray("new"), &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(read(file), QByteArray("new"));
    struct stat st { };
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(st.st_mode & 07777, mode_t(0640));
}

void TestAtomicFile::setOfFilesAllOrNone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList paths {dir.filePath(QStringLiteral("y-1.svg")), dir.filePath(QStringLiteral("y-2.svg")),
                             dir.filePath(QStringLiteral("y-3.svg"))};
    QString error;
    QVERIFY2(AtomicFile::writeAll(paths, {"old 1", "old 2", "old 3"}, &error), qPrintable(error));
    QCOMPARE(read(paths[2]), QByteArray("old 3"));
    // The last one cannot be written: none of them changes.
    QVERIFY(QFile::remove(paths[2]));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("y-3.svg")));
    QVERIFY(!AtomicFile::writeAll(paths, {"new 1", "new 2", "new 3"}, &error));
    QCOMPARE(error, QStringLiteral("cannot write %1: it is a directory").arg(paths[2]));
    QCOMPARE(read(paths[0]), QByteArray("old 1"));
    QCOMPARE(read(paths[1]), QByteArray("old 2"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             (QStringList {QStringLiteral("y-1.svg"), QStringLiteral("y-2.svg"), QStringLiteral("y-3.svg")}));
    // Standard output takes one file, a FIFO is not part of a set.
    QVERIFY(!AtomicFile::writeAll({QStringLiteral("-"), QStringLiteral("-")}, {"a", "b"}, &error));
    QVERIFY2(error.contains(QStringLiteral("standard output takes one")), qPrintable(error));
    const QString fifo = dir.filePath(QStringLiteral("y-4.svg"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(!AtomicFile::writeAll({paths[0], fifo}, {"new 1", "new 4"}, &error));
    QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    QCOMPARE(read(paths[0]), QByteArray("old 1"));
}

void TestAtomicFile::setOfFilesOnAFullDisk()
{
    // A slide build that runs out of space at its eighth slide leaves the previous build whole.
    FullDisk disk;
    if (!disk.unavailable().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no full disk to test on: ") + disk.unavailable()));
    QStringList paths;
    QList<QByteArray> old, slides;
    for (int i = 1; i <= 9; ++i) {
        paths << disk.filePath(QStringLiteral("y-%1.png").arg(i));
        old << QByteArray("previous slide ") + QByteArray::number(i);
        slides << QByteArray(4096, char('a' + i));
    }
    QString error;
    QVERIFY2(AtomicFile::writeAll(paths, old, &error), qPrintable(error));
    QVERIFY(disk.fillLeaving(7 * 4096));
    QVERIFY(!AtomicFile::writeAll(paths, slides, &error));
    QVERIFY2(error.endsWith(QStringLiteral(": No space left on device")), qPrintable(error));
    for (int i = 0; i < 9; ++i)
        QCOMPARE(read(paths[i]), old[i]);
    QCOMPARE(leftovers(disk.path()).size(), 9);
}

SYNSCOPE_TEST_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"

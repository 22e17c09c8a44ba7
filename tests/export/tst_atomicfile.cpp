// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic writes: a failed export says what and where, leaves no half file and keeps the old one.

#include "io/atomicfile.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QTemporaryDir>

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesAndReplaces();
    void failedProductionKeepsTheOldFile();
    void unwritablePlaceIsNamed_data();
    void unwritablePlaceIsNamed();
    void unwritableFileKeepsItsContent();

private:
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
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
    QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("b.svg*") }, QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("b.svg") });
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
    if (before.isEmpty())
        QSKIP("no /proc/version here");
    QString error;
    QVERIFY(!AtomicFile::write(path, QByteArray("overwritten"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write /proc/version: ")), qPrintable(error));
    QCOMPARE(read(path), before);
}

SYNSCOPE_TEST_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// What a user names as input: the first bytes decide between a capture and a trace (never the
// name; a zero-length file is "empty", anything else "neither"), a FIFO or a device is refused at
// once instead of blocking or reading for ever, limits hold while reading (even where the size is
// not known beforehand), a capture is read through the very descriptor that was checked, and "-"
// reads standard input, from the command line too.

#include "files/inputfile.h"
#include "io/tracefile.h"
#include "support/generatedcapture.h"
#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/stat.h>
#include <unistd.h>

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}
} // namespace

class TestInputFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Trace trace;
        // A trace file that is a real trace: two events are enough.
        TraceInfo info;
        info.source = QStringLiteral("generated");
        trace.setInfo(info);
        m_trace = m_dir.filePath(QStringLiteral("trace.json"));
        QVERIFY(writeFile(m_trace, TraceJson::save(trace)));
        m_capture = m_dir.filePath(QStringLiteral("capture.pcap"));
        QString error;
        QVERIFY2(GeneratedCapture::write(m_capture, CaptureWriter::Link::Ethernet, &error), qPrintable(error));
    }

    void kindsByFirstBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("kind");
        const int capture = int(InputFile::Kind::Capture), json = int(InputFile::Kind::Json);
        QTest::newRow("pcap, microseconds, little-endian") << QByteArray::fromHex("d4c3b2a102000400") << capture;
        QTest::newRow("pcap, nanoseconds, little-endian") << QByteArray::fromHex("4d3cb2a102000400") << capture;
        QTest::newRow("pcap, microseconds, big-endian") << QByteArray::fromHex("a1b2c3d400020004") << capture;
        QTest::newRow("pcapng") << QByteArray::fromHex("0a0d0d0a1c000000") << capture;
        QTest::newRow("json") << QByteArray("{\"format\": \"synscope-trace\"}") << json;
        QTest::newRow("json after white space") << QByteArray(" \r\n\t{}") << json;
        QTest::newRow("json after a byte order mark") << QByteArray("\xEF\xBB\xBF{}") << json;
        QTest::newRow("empty") << QByteArray() << int(InputFile::Kind::Empty);
        QTest::newRow("text") << QByteArray("hello") << int(InputFile::Kind::Unknown);
        QTest::newRow("a JSON array") << QByteArray("[1, 2]") << int(InputFile::Kind::Unknown);
        QTest::newRow("an ELF program") << QByteArray("\x7f"
                                                      "ELF\x02\x01\x01")
                                        << int(InputFile::Kind::Unknown);
        QTest::newRow("three bytes of a magic") << QByteArray::fromHex("d4c3b2") << int(InputFile::Kind::Unknown);
    }

    void kindsByFirstBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, kind);
        QCOMPARE(int(InputFile::kindOf(bytes)), kind);
    }

    // The name says nothing: a zero-length .pcap is "empty", not a JSON syntax error.
    void dispatchMessages_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero-length .pcap")
            << QStringLiteral("zero.pcap") << QByteArray() << QStringLiteral("%1 is empty");
        QTest::newRow("zero-length .json")
            << QStringLiteral("zero.json") << QByteArray() << QStringLiteral("%1 is empty");
        QTest::newRow("text") << QStringLiteral("notes.pcapng") << QByteArray("hello, world")
                              << QStringLiteral("%1 is neither a capture (pcap or pcapng) nor a SynScope trace "
                                                "(JSON): it starts with 68 65 6c 6c 6f 2c 20 77");
        QTest::newRow("only white space") << QStringLiteral("blank.json") << QByteArray("\n\n  \n")
                                          << QStringLiteral("%1 is neither a capture (pcap or pcapng) nor a "
                                                            "SynScope trace (JSON): it starts with 0a 0a 20 20 0a");
    }

    void dispatchMessages()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(name);
        QVERIFY(writeFile(path, bytes));
        TraceFile file;
        QString error;
        QVERIFY(!file.open(path, &error));
        QCOMPARE(error, message.arg(path));
    }

    void firstBytesNotTheName()
    {
        // A capture named .json is a capture, a trace named .pcap is a trace.
        const QString captureAsJson = m_dir.filePath(QStringLiteral("capture-named.json"));
        const QString traceAsPcap = m_dir.filePath(QStringLiteral("trace-named.pcap"));
        QVERIFY(QFile::copy(m_capture, captureAsJson));
        QVERIFY(QFile::copy(m_trace, traceAsPcap));
        QString error;
        TraceFile capture;
        QVERIFY2(capture.open(captureAsJson, &error), qPrintable(error));
        QVERIFY(capture.isCapture());
        Trace trace;
        QVERIFY2(capture.load(-1, trace, &error), qPrintable(error));
        QCOMPARE(trace.info().source, QStringLiteral("capture"));
        TraceFile saved;
        QVERIFY2(saved.open(traceAsPcap, &error), qPrintable(error));
        QVERIFY(!saved.isCapture());
        QVERIFY2(saved.load(-1, trace, &error), qPrintable(error));
        QCOMPARE(trace.info().source, QStringLiteral("generated"));
    }

    void captureMessagesNameTheUsersFile()
    {
        // The capture reader opens /proc/self/fd/N (the checked descriptor): its messages still say
        // the name the user gave.
        TraceFile file;
        QString error;
        QVERIFY2(file.open(m_capture, &error), qPrintable(error));
        Trace trace;
        QVERIFY(!file.load(99, trace, &error));
        QVERIFY2(error.startsWith(m_capture + QStringLiteral(" has no TCP stream 99")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("/proc/self/fd")), qPrintable(error));
        QVERIFY(trace.isEmpty());
    }

    void notRegularFilesAreRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("what");
        // Each used to block in open() for ever (a FIFO nobody writes) or read until memory ran out.
        QTest::newRow("FIFO") << m_dir.filePath(QStringLiteral("fifo")) << QStringLiteral("a FIFO");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("a character device");
        QTest::newRow("directory") << m_dir.path() << QStringLiteral("a directory");
    }

    void notRegularFilesAreRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, what);
        if (path.endsWith(u"fifo") && !QFileInfo::exists(path))
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        if (!QFileInfo::exists(path)) QSKIP("no such file here");
        InputFile file;
        QString error;
        QVERIFY(!file.open(path, &error));
        QCOMPARE(error,
                 QStringLiteral("%1 is %2, not a regular file (to read a stream, give - and send it to standard input)")
                     .arg(path, what));
        TraceFile trace;
        QVERIFY(!trace.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    }

    void limitsHoldWhileReading()
    {
        QString error;
        QByteArray bytes;
        {
            // Known size: refused before a byte is read.
            InputFile file;
            QVERIFY(file.open(m_trace, &error));
            QVERIFY(!file.readAll(10, QStringLiteral("a test file"), bytes, &error));
            QCOMPARE(error, QStringLiteral("%1 is larger than 10 bytes, the limit for a test file").arg(m_trace));
        }
        {
            // /proc files say their size is 0: the limit holds as the bytes come.
            InputFile file;
            QVERIFY(file.open(QStringLiteral("/proc/self/maps"), &error));
            QVERIFY(!file.readAll(100, QStringLiteral("a test file"), bytes, &error));
            QCOMPARE(error, QStringLiteral("/proc/self/maps is larger than 100 bytes, the limit for a test file"));
        }
        QCOMPARE(InputFile::sizeText(qint64(16) << 20), QStringLiteral("16 MiB"));
        QCOMPARE(InputFile::sizeText(qint64(1) << 30), QStringLiteral("1 GiB"));
        QCOMPARE(InputFile::sizeText(1536), QStringLiteral("1.5 KiB"));
    }

    // From the command line: the same messages with exit 1, and "-" for standard input.
    void commandLine_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("stdinFile");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QString() << 1
                                   << QStringLiteral("/dev/zero is a character device, not a regular file");
        QTest::newRow("FIFO") << m_dir.filePath(QStringLiteral("fifo")) << QString() << 1
                              << QStringLiteral("fifo is a FIFO, not a regular file");
        QTest::newRow("zero-length .pcap")
            << m_dir.filePath(QStringLiteral("zero.pcap")) << QString() << 1 << QStringLiteral("zero.pcap is empty");
        QTest::newRow("trace on standard input") << QStringLiteral("-") << m_trace << 0 << QString();
        QTest::newRow("capture on standard input") << QStringLiteral("-") << m_capture << 0 << QString();
        QTest::newRow("nothing on standard input") << QStringLiteral("-") << QStringLiteral("/dev/null") << 1
                                                   << QStringLiteral("synscope: standard input is empty");
    }

    void commandLine()
    {
        QFETCH(QString, input);
        QFETCH(QString, stdinFile);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        if (input.endsWith(u"fifo") && !QFileInfo::exists(input))
            QCOMPARE(::mkfifo(QFile::encodeName(input).constData(), 0600), 0);
        if (input.endsWith(u"zero.pcap")) QVERIFY(writeFile(input, {}));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
        p.setProcessEnvironment(env);
        if (!stdinFile.isEmpty()) p.setStandardInputFile(stdinFile);
        const QString out = m_dir.filePath(QStringLiteral("out.txt"));
        QFile::remove(out);
        p.start(app, {input, QStringLiteral("--export"), out});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == exitCode, qPrintable(err));
        if (exitCode == 0) {
            QVERIFY2(QFileInfo(out).size() > 0, qPrintable(err));
            return;
        }
        QCOMPARE(err.trimmed().count(u'\n'), 0);
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!QFile::exists(out));
    }

private:
    QTemporaryDir m_dir;
    QString m_trace;
    QString m_capture;
};

SYNSCOPE_TEST_MAIN(TestInputFile)
#include "tst_inputfile.moc"

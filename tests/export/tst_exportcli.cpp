// SPDX-License-Identifier: GPL-3.0-or-later
// `synscope --scenario handshake --export x.<format>` for every format, headless with no display
// (the offscreen platform is chosen by the app itself), on real kernels; and one clear stderr line
// with a non-zero exit for every mistake. A scenario's slide build is one slide per scenario step.
// Where an export goes (on a generated trace, no lab needed): a full disk or a short write keeps
// the previous file byte for byte with a non-zero exit, a device node or a FIFO is written in
// place and never replaced, "-" is standard output, a slide build is written all or none, and an
// empty --export name is refused before any window opens.

#include "fulldisk.h"
#include "support/generatedtrace.h"
#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {
// The texts of an SVG file, each element's simplified.
QStringList svgTexts(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QStringList texts;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    }
    return texts;
}

bool anyContains(const QStringList &texts, const QString &what)
{
    return std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(what); });
}
} // namespace

class TestExportCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyFormatHeadless_data();
    void everyFormatHeadless();
    void optionsReachTheExport();
    void scenarioSlidesAreItsSteps();
    void predictAsksFirst();
    void mistakesGiveOneLine_data();
    void mistakesGiveOneLine();
    void emptyExportNameExitsAtOnce_data();
    void emptyExportNameExitsAtOnce();
    void standardOutput();
    void fullDiskKeepsThePreviousFile_data();
    void fullDiskKeepsThePreviousFile();
    void shortWriteKeepsThePreviousFile();
    void deviceNodeIsNotReplaced_data();
    void deviceNodeIsNotReplaced();
    void fifoWithoutReaderFailsAtOnce();
    void fifoWithReaderGetsTheExport();
    void slideBuildIsAllOrNone();
    void slideBuildOnAFullDisk();
    void builtinScenarioWithoutLabExportsItsRecording();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
        QByteArray stdoutBytes;
    };
    Run run(const QStringList &args, const std::function<void()> &inChild = {}, const QString &labHelper = {});
    void setUpProcess(QProcess &process);
    // The one line a failed run must print.
    static void checkOneLine(const Run &r, const QString &message);
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString m_app;
    QTemporaryDir m_dir;
    QString m_saved; // a trace recorded once, for the conversions
    QString m_noLab; // why m_saved could not be recorded here
    // Where no lab runs (a build without it, say), --scenario exports the bundled recording and says
    // so in this one line on stderr, the same for every export of it.
    QString m_bundledNote;
    QString m_generated; // a made-up trace with scenario steps: no lab needed
};

#define NEEDS_LAB()                                                                                                    \
    do {                                                                                                               \
        if (!m_noLab.isEmpty()) QSKIP(qPrintable(m_noLab));                                                            \
    } while (0)

void TestExportCli::setUpProcess(QProcess &process)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display of any kind: the app must pick the offscreen platform on its own.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    // Qt warns on stderr when root has no runtime directory; give it one so stderr is the app's own.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
}

TestExportCli::Run TestExportCli::run(const QStringList &args, const std::function<void()> &inChild,
                                      const QString &labHelper)
{
    QProcess process;
    setUpProcess(process);
    if (!labHelper.isEmpty()) {
        QProcessEnvironment env = process.processEnvironment();
        env.insert(QStringLiteral("SYNSCOPE_LAB_HELPER"), labHelper);
        process.setProcessEnvironment(env);
    }
    if (inChild) process.setChildProcessModifier(inChild);
    process.start(m_app, args);
    Run r;
    if (!process.waitForStarted() || !process.waitForFinished(120000)) return r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.stdoutBytes = process.readAllStandardOutput();
    r.out = QString::fromLocal8Bit(r.stdoutBytes);
    r.err = QString::fromLocal8Bit(process.readAllStandardError());
    return r;
}

void TestExportCli::checkOneLine(const Run &r, const QString &message)
{
    QVERIFY2(r.exitCode > 0, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    const QStringList lines = r.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines.first().startsWith(QStringLiteral("synscope: ")), qPrintable(r.err));
    QVERIFY2(lines.first().contains(message), qPrintable(r.err));
}

void TestExportCli::initTestCase()
{
    m_app = qEnvironmentVariable("SYNSCOPE_APP");
    if (m_app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
    QVERIFY(m_dir.isValid());
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    Trace generated;
    generated::buildSteps(generated, 3);
    m_generated = m_dir.filePath(QStringLiteral("generated.json"));
    QFile g(m_generated);
    QVERIFY(g.open(QIODevice::WriteOnly) && g.write(TraceJson::save(generated)) > 0);
    g.close();
    m_saved = m_dir.filePath(QStringLiteral("saved.json"));
    const Run r = run({QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), m_saved});
    if (r.exitCode != 0) {
        const QString why = QStringLiteral("synscope exited with %1: %2").arg(r.exitCode).arg(r.err);
        if (!r.err.contains(u"the lab cannot run here") || qEnvironmentVariable("CI") == u"true")
            QFAIL(qPrintable(why));
        m_noLab = why; // the tests on the generated trace still run
    } else if (r.err.contains(u"live lab unavailable here: ")) {
        m_bundledNote = r.err;
    }
}

void TestExportCli::everyFormatHeadless_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("png") << QStringLiteral("x.png") << QByteArray("\x89PNG");
    QTest::newRow("svg") << QStringLiteral("x.svg") << QByteArray("<?xml");
    QTest::newRow("pdf") << QStringLiteral("x.pdf") << QByteArray("%PDF");
    // Nanosecond pcap, as libpcap writes it on this little-endian machine.
    QTest::newRow("pcap") << QStringLiteral("x.pcap") << QByteArray("\x4d\x3c\xb2\xa1");
    QTest::newRow("json") << QStringLiteral("x.json") << QByteArray("{");
    QTest::newRow("mermaid") << QStringLiteral("x.mmd") << QByteArray("sequenceDiagram\n");
    QTest::newRow("plantuml") << QStringLiteral("x.puml") << QByteArray("@startuml\n");
    QTest::newRow("txt") << QStringLiteral("x.txt") << QByteArray("SynScope flow");
}

void TestExportCli::everyFormatHeadless()
{
    NEEDS_LAB();
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    const QString path = m_dir.filePath(file);
    const Run r = run({QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty() || r.err == m_bundledNote, qPrintable(r.err));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(bytes.startsWith(starts), bytes.left(16).toHex().constData());
    QVERIFY(bytes.size() > 100);
}

void TestExportCli::optionsReachTheExport()
{
    NEEDS_LAB();
    // From the saved trace: --format over the extension, --scale, --steps, --per-step, --theme, --numbers.
    const QString png = m_dir.filePath(QStringLiteral("opt.png"));
    Run r = run({m_saved, QStringLiteral("--export"), png, QStringLiteral("--theme"), QStringLiteral("dark")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage one(png);
    r = run({m_saved, QStringLiteral("--export"), png, QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage two(png);
    QCOMPARE(two.size(), one.size() * 2);

    const QString text = m_dir.filePath(QStringLiteral("diagram.txt.out"));
    r = run({m_saved, QStringLiteral("--export"), text, QStringLiteral("--format"), QStringLiteral("mermaid"),
             QStringLiteral("--numbers"), QStringLiteral("absolute")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(text);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray mermaid = f.readAll();
    QVERIFY(mermaid.startsWith("sequenceDiagram"));
    QVERIFY2(!mermaid.contains("SYN J"), mermaid.constData()); // absolute numbers, not letters

    const QString slides = m_dir.filePath(QStringLiteral("slide.svg"));
    r = run({m_saved, QStringLiteral("--export"), slides, QStringLiteral("--steps"), QStringLiteral("2:4"),
             QStringLiteral("--per-step")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("wrote 3 slide images")), qPrintable(r.out));
    for (const char *name : {"slide-1.svg", "slide-2.svg", "slide-3.svg"})
        QVERIFY(QFile::exists(m_dir.filePath(QString::fromLatin1(name))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("slide-4.svg"))));
}

void TestExportCli::scenarioSlidesAreItsSteps()
{
    NEEDS_LAB();
    // The handshake has 6 steps: 6 slides, one per caption, not one per event or row.
    const QString png = m_dir.filePath(QStringLiteral("handshake.png"));
    const Run r = run({QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), png,
                       QStringLiteral("--per-step")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("wrote 6 slide images")), qPrintable(r.out));
    QSize size;
    for (int i = 1; i <= 6; ++i) {
        const QImage slide(m_dir.filePath(QStringLiteral("handshake-%1.png").arg(i)));
        QVERIFY(!slide.isNull());
        if (size.isEmpty()) size = slide.size();
        QCOMPARE(slide.size(), size);
    }
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("handshake-7.png"))));
}

void TestExportCli::predictAsksFirst()
{
    NEEDS_LAB();
    const QString svg = m_dir.filePath(QStringLiteral("predict.svg"));
    const Run r = run({QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), svg,
                       QStringLiteral("--per-step"), QStringLiteral("--predict")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("wrote 12 slide images")), qPrintable(r.out));
    // Step 3, the client's connect(): its question slide (5) hides SYN J, its answer (6) shows it.
    const QStringList question = svgTexts(m_dir.filePath(QStringLiteral("predict-05.svg")));
    const QStringList answer = svgTexts(m_dir.filePath(QStringLiteral("predict-06.svg")));
    QVERIFY2(anyContains(question, QStringLiteral("What does the kernel send now?")), qPrintable(question.join(u'|')));
    QVERIFY2(!anyContains(question, QStringLiteral("SYN J")), qPrintable(question.join(u'|')));
    QVERIFY2(anyContains(answer, QStringLiteral("SYN J")), qPrintable(answer.join(u'|')));
    QVERIFY2(anyContains(answer, QStringLiteral("3/6 The client calls socket() and connect()")),
             qPrintable(answer.join(u'|')));
}

void TestExportCli::mistakesGiveOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString svg = QStringLiteral("out.svg");
    QTest::newRow("unknown extension") << QStringList {QStringLiteral("--export"), QStringLiteral("x.docx")}
                                       << QStringLiteral("unknown export format 'docx'");
    QTest::newRow("unknown format") << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--format"),
                                                    QStringLiteral("gif")}
                                    << QStringLiteral("unknown export format 'gif'");
    QTest::newRow("numbers") << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--numbers"),
                                             QStringLiteral("roman")}
                             << QStringLiteral("--numbers roman");
    QTest::newRow("theme") << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--theme"),
                                           QStringLiteral("pink")}
                           << QStringLiteral("--theme pink");
    QTest::newRow("scale") << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--scale"),
                                           QStringLiteral("0")}
                           << QStringLiteral("--scale 0");
    QTest::newRow("steps") << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--steps"),
                                           QStringLiteral("4:2")}
                           << QStringLiteral("--steps 4:2");
    QTest::newRow("steps beyond the diagram")
        << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--steps"), QStringLiteral("900:901")}
        << QStringLiteral("steps 900:901");
    QTest::newRow("per-step pcap") << QStringList {QStringLiteral("--export"), QStringLiteral("x.pcap"),
                                                   QStringLiteral("--per-step")}
                                   << QStringLiteral("--per-step");
    QTest::newRow("predict without per-step")
        << QStringList {QStringLiteral("--export"), svg, QStringLiteral("--predict")}
        << QStringLiteral("--predict puts a question slide");
    QTest::newRow("unwritable") << QStringList {QStringLiteral("--export"), QStringLiteral("/proc/x.svg")}
                                << QStringLiteral("cannot write /proc/x.svg");
}

void TestExportCli::mistakesGiveOneLine()
{
    NEEDS_LAB();
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList {m_saved} + args);
    QVERIFY(r.exitCode > 0);
    const QStringList lines = r.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QStringLiteral("synscope: ")), qPrintable(r.err));
    QVERIFY2(lines.first().contains(message), qPrintable(r.err));
}

void TestExportCli::emptyExportNameExitsAtOnce_data()
{
    QTest::addColumn<QStringList>("args");
    // Both used to open an offscreen window that never closed.
    QTest::newRow("--export ''") << QStringList {QStringLiteral("--export"), QString()};
    QTest::newRow("--export=") << QStringList {QStringLiteral("--export=")};
    QTest::newRow("with a scenario") << QStringList {QStringLiteral("--scenario"), QStringLiteral("handshake"),
                                                     QStringLiteral("--export=")};
}

void TestExportCli::emptyExportNameExitsAtOnce()
{
    QFETCH(QStringList, args);
    const Run r = run(QStringList {m_generated} + args);
    QCOMPARE(r.exitCode, 2); // a mistake in the arguments, found before any window or lab
    checkOneLine(r, QStringLiteral("--export needs a file name (or - for standard output)"));
}

void TestExportCli::standardOutput()
{
    const QString file = m_dir.filePath(QStringLiteral("to-a-file.json"));
    Run r = run({m_generated, QStringLiteral("--export"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run({m_generated, QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--format"),
             QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.stdoutBytes, read(file)); // what a file gets, byte for byte, and nothing else
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("-"))));

    // A slide build as one PDF goes to standard output too; what was written is said on stderr.
    r = run({m_generated, QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--format"),
             QStringLiteral("pdf"), QStringLiteral("--per-step")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.stdoutBytes.startsWith("%PDF"));
    QVERIFY(r.stdoutBytes.trimmed().endsWith("%%EOF"));
    QVERIFY2(r.err.contains(QStringLiteral("pages, one per step")), qPrintable(r.err));

    r = run({m_generated, QStringLiteral("--export"), QStringLiteral("-")});
    QCOMPARE(r.exitCode, 2);
    checkOneLine(r, QStringLiteral("--export - writes to standard output: give --format"));
    r = run({m_generated, QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--format"),
             QStringLiteral("svg"), QStringLiteral("--per-step")});
    QCOMPARE(r.exitCode, 2);
    checkOneLine(r, QStringLiteral("standard output takes one file"));
}

void TestExportCli::fullDiskKeepsThePreviousFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("freeKiB");
    // As reported: a PDF with 20 KB free was left truncated; a text flow with nothing free was left
    // empty (the previous file lost); JSON, SVG and PNG said "Unknown error".
    QTest::newRow("pdf, 20 KB free") << QStringLiteral("x.pdf") << 20;
    QTest::newRow("txt, nothing free") << QStringLiteral("x.txt") << 0;
    QTest::newRow("json, nothing free") << QStringLiteral("x.json") << 0;
    QTest::newRow("svg, 4 KB free") << QStringLiteral("x.svg") << 4;
    QTest::newRow("png, nothing free") << QStringLiteral("x.png") << 0;
}

void TestExportCli::fullDiskKeepsThePreviousFile()
{
    QFETCH(QString, file);
    QFETCH(int, freeKiB);
    FullDisk disk;
    if (!disk.unavailable().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no full disk to test on: ") + disk.unavailable()));
    // The export needs more than what is free: made once where there is room, to be sure.
    const QString roomy = m_dir.filePath(QStringLiteral("roomy-") + file);
    const Run full =
        run({m_generated, QStringLiteral("--export"), roomy, QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY2(full.exitCode == 0, qPrintable(full.err));
    QVERIFY(QFileInfo(roomy).size() > freeKiB * 1024);

    const QString path = disk.filePath(file);
    const QByteArray previous = QByteArray("the previous export, which must survive\n").repeated(50);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(previous) == previous.size());
    f.close();
    QVERIFY(disk.fillLeaving(qint64(freeKiB) * 1024));

    const Run r = run({m_generated, QStringLiteral("--export"), path, QStringLiteral("--scale"), QStringLiteral("2")});
    checkOneLine(r, QStringLiteral("cannot write %1: No space left on device").arg(path));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(read(path), previous);
    QStringList left = QDir(disk.path()).entryList(QDir::Files | QDir::Hidden);
    left.removeAll(QStringLiteral("filler"));
    QCOMPARE(left, QStringList {file});
}

void TestExportCli::shortWriteKeepsThePreviousFile()
{
    // For any user: the file size limit cuts the export's write short (EFBIG), a real short write.
    const QString path = m_dir.filePath(QStringLiteral("limited.txt"));
    const QByteArray previous("the previous text flow\n");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(previous) == previous.size());
    f.close();
    const Run r = run({m_generated, QStringLiteral("--export"), path}, [] {
        const rlimit limit {1024, RLIM_INFINITY};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        std::signal(SIGXFSZ, SIG_IGN);
    });
    checkOneLine(r, QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(EFBIG)));
    QCOMPARE(read(path), previous);
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*limited*")}, QDir::Files | QDir::Hidden),
             QStringList {QStringLiteral("limited.txt")});
}

void TestExportCli::deviceNodeIsNotReplaced_data()
{
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("a char device (null)") << 3 << 0 << QString();
    QTest::newRow("a full device") << 7 << 1 << QStringLiteral("No space left on device");
}

void TestExportCli::deviceNodeIsNotReplaced()
{
    QFETCH(int, minor);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString node = dir.filePath(QStringLiteral("char-device"));
    const QByteArray nodeName = QFile::encodeName(node);
    if (::mknod(nodeName.constData(), S_IFCHR | 0666, makedev(1, unsigned(minor))) != 0)
        QSKIP(qPrintable(QStringLiteral("mknod needs CAP_MKNOD: ") + qt_error_string(errno)));
    const Run r =
        run({m_generated, QStringLiteral("--export"), node, QStringLiteral("--format"), QStringLiteral("json")});
    if (exitCode == 0)
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(r.err));
    else
        checkOneLine(r, QStringLiteral("cannot write %1: %2").arg(node, message));
    struct stat st { };
    QCOMPARE(::lstat(nodeName.constData(), &st), 0);
    QVERIFY2(S_ISCHR(st.st_mode), "the device node was replaced by a file");
    QCOMPARE(st.st_rdev, makedev(1, unsigned(minor)));
}

void TestExportCli::fifoWithoutReaderFailsAtOnce()
{
    const QString fifo = m_dir.filePath(QStringLiteral("nobody-reads.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const Run r = run({m_generated, QStringLiteral("--export"), fifo});
    checkOneLine(r, QStringLiteral("cannot write %1: no reader on the FIFO").arg(fifo));
    QVERIFY(isFifo(fifo));
}

void TestExportCli::fifoWithReaderGetsTheExport()
{
    const QString fifo = m_dir.filePath(QStringLiteral("someone-reads.json"));
    const QByteArray name = QFile::encodeName(fifo);
    QCOMPARE(::mkfifo(name.constData(), 0600), 0);
    const int reader = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(reader >= 0);
    // Read as it comes (the trace is larger than a pipe holds) until the app has exited.
    QByteArray got;
    QSocketNotifier notifier(reader, QSocketNotifier::Read);
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char buffer[65536];
        ssize_t n;
        while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
            got.append(buffer, n);
    });
    QProcess process;
    setUpProcess(process);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_app, {m_generated, QStringLiteral("--export"), fifo});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(reader, buffer, sizeof buffer)) > 0)
        got.append(buffer, n);
    ::close(reader);
    QCOMPARE(process.exitCode(), 0);
    const QString file = m_dir.filePath(QStringLiteral("fifo-reference.json"));
    const Run reference = run({m_generated, QStringLiteral("--export"), file});
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));
    QCOMPARE(got, read(file)); // what a file gets, byte for byte
    QVERIFY(isFifo(fifo));
}

void TestExportCli::slideBuildIsAllOrNone()
{
    // The fifth slide cannot be written (a directory has its name): no slide is written at all.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("y-5.svg")));
    const Run r = run(
        {m_generated, QStringLiteral("--export"), dir.filePath(QStringLiteral("y.svg")), QStringLiteral("--per-step")});
    checkOneLine(r, QStringLiteral("cannot write %1: it is a directory").arg(dir.filePath(QStringLiteral("y-5.svg"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList {QStringLiteral("y-5.svg")});
}

void TestExportCli::slideBuildOnAFullDisk()
{
    // As reported: the disk filled at the eighth slide and y-01 … y-07 were left with exit 1.
    FullDisk disk;
    if (!disk.unavailable().isEmpty())
        QSKIP(qPrintable(QStringLiteral("no full disk to test on: ") + disk.unavailable()));
    const QString path = disk.filePath(QStringLiteral("y.svg"));
    // Three slides fit the small disk.
    Run r = run({m_generated, QStringLiteral("--export"), path, QStringLiteral("--per-step"), QStringLiteral("--steps"),
                 QStringLiteral("1:3")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList slides = QDir(disk.path()).entryList({QStringLiteral("y-*.svg")}, QDir::Files);
    QCOMPARE(slides.size(), 3);
    QList<QByteArray> previous;
    qint64 total = 0;
    for (const QString &slide : slides) {
        previous << read(disk.filePath(slide));
        total += previous.last().size();
    }
    // Room for about half of a new build: it fails part-way.
    QVERIFY(disk.fillLeaving((total / 2) & ~qint64(4095)));
    r = run({m_generated, QStringLiteral("--export"), path, QStringLiteral("--per-step"), QStringLiteral("--steps"),
             QStringLiteral("1:3"), QStringLiteral("--theme"), QStringLiteral("dark")});
    checkOneLine(r, QStringLiteral("No space left on device"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(QDir(disk.path()).entryList({QStringLiteral("y*")}, QDir::Files | QDir::Hidden), slides);
    for (qsizetype i = 0; i < slides.size(); ++i)
        QCOMPARE(read(disk.filePath(slides[i])), previous[i]);
}

// Where no lab can run, a built-in scenario is exported as SynScope's recording of it (made on real
// kernels), with one line that says so; a scenario file of one's own has no recording and fails.
void TestExportCli::builtinScenarioWithoutLabExportsItsRecording()
{
    const QString missingHelper = m_dir.filePath(QStringLiteral("no-such-helper"));
    const QString text = m_dir.filePath(QStringLiteral("recorded.txt"));
    Run r = run({QStringLiteral("--scenario"), QStringLiteral("lost-syn"), QStringLiteral("--export"), text,
                 QStringLiteral("--format"), QStringLiteral("text")},
                {}, missingHelper);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList lines = r.err.trimmed().split(u'\n');
    QVERIFY2(lines.size() == 1, qPrintable(r.err));
    QVERIFY2(lines.first().startsWith(QStringLiteral("synscope: exporting lost-syn as recorded on Linux ")),
             qPrintable(r.err));
    QVERIFY2(lines.first().contains(QStringLiteral(" UTC — live lab unavailable here: ")), qPrintable(r.err));
    const QString flow = QString::fromUtf8(read(text));
    QVERIFY2(flow.startsWith(QStringLiteral("SynScope flow of a lab trace (kernel ")), qPrintable(flow.left(200)));
    QVERIFY2(flow.contains(QStringLiteral("SYN")), qPrintable(flow.left(400)));

    // A scenario file is not one of SynScope's: nothing was recorded for it.
    const QString scenario = m_dir.filePath(QStringLiteral("mine.json"));
    QFile f(scenario);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(read(QStringLiteral(":/scenarios/handshake.json")));
    f.close();
    QVERIFY(QFileInfo(scenario).size() > 0);
    const QString none = m_dir.filePath(QStringLiteral("none.txt"));
    r = run({QStringLiteral("--scenario"), scenario, QStringLiteral("--export"), none}, {}, missingHelper);
    checkOneLine(r, QStringLiteral("the lab cannot run here"));
    QVERIFY(!QFileInfo::exists(none));
}

SYNSCOPE_TEST_MAIN(TestExportCli)
#include "tst_exportcli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// `synscope --scenario handshake --export x.<format>` for every format, headless with no display
// (the offscreen platform is chosen by the app itself), on real kernels; and one clear stderr line
// with a non-zero exit for every mistake. A scenario's slide build is one slide per scenario step.

#include "testmain.h"
#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {
// The texts of an SVG file, each element's simplified.
QStringList svgTexts(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
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
}

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

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args);
    QString m_app;
    QTemporaryDir m_dir;
    QString m_saved; // a trace recorded once, for the conversions
};

TestExportCli::Run TestExportCli::run(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No display of any kind: the app must pick the offscreen platform on its own.
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    // Qt warns on stderr when root has no runtime directory; give it one so stderr is the app's own.
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.path());
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_dir.path());
    process.start(m_app, args);
    Run r;
    if (!process.waitForStarted() || !process.waitForFinished(120000))
        return r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(process.readAllStandardError());
    return r;
}

void TestExportCli::initTestCase()
{
    m_app = qEnvironmentVariable("SYNSCOPE_APP");
    if (m_app.isEmpty())
        QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
    QVERIFY(m_dir.isValid());
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_saved = m_dir.filePath(QStringLiteral("saved.json"));
    const Run r
        = run({ QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), m_saved });
    if (r.exitCode != 0) {
        const QString why = QStringLiteral("synscope exited with %1: %2").arg(r.exitCode).arg(r.err);
        if (!r.err.contains(u"the lab cannot run here") || qEnvironmentVariable("CI") == u"true")
            QFAIL(qPrintable(why));
        QSKIP(qPrintable(why));
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
    QFETCH(QString, file);
    QFETCH(QByteArray, starts);
    const QString path = m_dir.filePath(file);
    const Run r = run({ QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), path });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY2(bytes.startsWith(starts), bytes.left(16).toHex().constData());
    QVERIFY(bytes.size() > 100);
}

void TestExportCli::optionsReachTheExport()
{
    // From the saved trace: --format over the extension, --scale, --steps, --per-step, --theme, --numbers.
    const QString png = m_dir.filePath(QStringLiteral("opt.png"));
    Run r = run({ m_saved, QStringLiteral("--export"), png, QStringLiteral("--theme"), QStringLiteral("dark") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage one(png);
    r = run({ m_saved, QStringLiteral("--export"), png, QStringLiteral("--scale"), QStringLiteral("2") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage two(png);
    QCOMPARE(two.size(), one.size() * 2);

    const QString text = m_dir.filePath(QStringLiteral("diagram.txt.out"));
    r = run({ m_saved, QStringLiteral("--export"), text, QStringLiteral("--format"), QStringLiteral("mermaid"),
        QStringLiteral("--numbers"), QStringLiteral("absolute") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(text);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray mermaid = f.readAll();
    QVERIFY(mermaid.startsWith("sequenceDiagram"));
    QVERIFY2(!mermaid.contains("SYN J"), mermaid.constData()); // absolute numbers, not letters

    const QString slides = m_dir.filePath(QStringLiteral("slide.svg"));
    r = run({ m_saved, QStringLiteral("--export"), slides, QStringLiteral("--steps"), QStringLiteral("2:4"),
        QStringLiteral("--per-step") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("wrote 3 slide images")), qPrintable(r.out));
    for (const char *name : { "slide-1.svg", "slide-2.svg", "slide-3.svg" })
        QVERIFY(QFile::exists(m_dir.filePath(QString::fromLatin1(name))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("slide-4.svg"))));
}

void TestExportCli::scenarioSlidesAreItsSteps()
{
    // The handshake has 6 steps: 6 slides, one per caption, not one per event or row.
    const QString png = m_dir.filePath(QStringLiteral("handshake.png"));
    const Run r = run({ QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), png,
        QStringLiteral("--per-step") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("wrote 6 slide images")), qPrintable(r.out));
    QSize size;
    for (int i = 1; i <= 6; ++i) {
        const QImage slide(m_dir.filePath(QStringLiteral("handshake-%1.png").arg(i)));
        QVERIFY(!slide.isNull());
        if (size.isEmpty())
            size = slide.size();
        QCOMPARE(slide.size(), size);
    }
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("handshake-7.png"))));
}

void TestExportCli::predictAsksFirst()
{
    const QString svg = m_dir.filePath(QStringLiteral("predict.svg"));
    const Run r = run({ QStringLiteral("--scenario"), QStringLiteral("handshake"), QStringLiteral("--export"), svg,
        QStringLiteral("--per-step"), QStringLiteral("--predict") });
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
    QTest::newRow("unknown extension") << QStringList { QStringLiteral("--export"), QStringLiteral("x.docx") }
                                       << QStringLiteral("unknown export format 'docx'");
    QTest::newRow("unknown format") << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--format"),
        QStringLiteral("gif") } << QStringLiteral("unknown export format 'gif'");
    QTest::newRow("numbers") << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--numbers"),
        QStringLiteral("roman") }
                             << QStringLiteral("--numbers roman");
    QTest::newRow("theme") << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--theme"),
        QStringLiteral("pink") }
                           << QStringLiteral("--theme pink");
    QTest::newRow("scale") << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--scale"),
        QStringLiteral("0") }
                           << QStringLiteral("--scale 0");
    QTest::newRow("steps") << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--steps"),
        QStringLiteral("4:2") }
                           << QStringLiteral("--steps 4:2");
    QTest::newRow("steps beyond the diagram")
        << QStringList { QStringLiteral("--export"), svg, QStringLiteral("--steps"), QStringLiteral("900:901") }
        << QStringLiteral("steps 900:901");
    QTest::newRow("per-step pcap") << QStringList { QStringLiteral("--export"), QStringLiteral("x.pcap"),
        QStringLiteral("--per-step") }
                                   << QStringLiteral("--per-step");
    QTest::newRow("predict without per-step") << QStringList { QStringLiteral("--export"), svg,
        QStringLiteral("--predict") } << QStringLiteral("--predict puts a question slide");
    QTest::newRow("unwritable") << QStringList { QStringLiteral("--export"), QStringLiteral("/proc/x.svg") }
                                << QStringLiteral("cannot write /proc/x.svg");
}

void TestExportCli::mistakesGiveOneLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList { m_saved } + args);
    QVERIFY(r.exitCode > 0);
    const QStringList lines = r.err.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QStringLiteral("synscope: ")), qPrintable(r.err));
    QVERIFY2(lines.first().contains(message), qPrintable(r.err));
}

SYNSCOPE_TEST_MAIN(TestExportCli)
#include "tst_exportcli.moc"

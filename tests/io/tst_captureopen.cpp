// SPDX-License-Identifier: GPL-3.0-or-later
// A capture shown in part says what was left out, once per kind with a count: in the window's
// status bar, and on standard error for the command line (exit 0 when something was shown,
// non-zero only when nothing could be). The captures are generated (wildcases.h).
#include "mainwindow.h"
#include "testmain.h"
#include "trace/trace.h"
#include "wildcases.h"

#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

class TestCaptureOpen : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_partly; // one connection, and a frame of IPsec ESP
    QString m_nothing; // only a frame in a GRE tunnel SynScope does not decode
    const char *m_note = "1 frame of IPsec ESP, whose payload is encrypted (record 9 at byte 824)";

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        using namespace WildCaptures;
        // One connection (no picker to answer), and a frame of IPsec ESP.
        m_partly = m_dir.filePath(QStringLiteral("generated-esp.pcap"));
        std::vector<Bytes> frames = Connection(40001, 80, 1000, 5000).whole([](const Bytes &s, bool up) -> Bytes {
            return ethernetIp(WildCases::inner4(s, up));
        });
        frames.push_back(WildCases::outer4(50, be32(0x1000) + be32(1) + Bytes(48, 'e'), true));
        QVERIFY(save(m_partly, pcapFile(1, WildCaptures::frames(frames))));
        m_nothing = m_dir.filePath(QStringLiteral("generated-gre-unknown.pcap"));
        const Bytes frame =
            WildCases::outer4(47, be16(0) + be16(0x88b5) + WildCases::inner4(tcp(40010, 80, 1, 0, F::Syn), true), true);
        QVERIFY(save(m_nothing, pcapFile(1, {Frame {frame}})));
    }

    void statusBarSaysWhatWasLeftOut()
    {
        MainWindow window;
        QVERIFY(window.openFile(m_partly));
        QCOMPARE(window.trace()->info().source, QStringLiteral("capture"));
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.startsWith(QStringLiteral("generated-esp.pcap: ")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1StringView(m_note)), qPrintable(message));
    }

    void commandLine_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("shown in part") << QStringLiteral("partly") << 0
                                       << QStringLiteral("synscope: %1: ") + QLatin1StringView(m_note);
        QTest::newRow("nothing to show")
            << QStringLiteral("nothing") << 1
            << QStringLiteral("synscope: %1 holds no TCP connection SynScope can show: 1 frame in GRE tunnels carrying "
                              "protocol 0x88b5, which SynScope does not decode (record 1 at byte 24)");
    }
    void commandLine()
    {
        QFETCH(QString, which);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrHas);
        const QString app = qEnvironmentVariable("SYNSCOPE_APP");
        if (app.isEmpty()) QSKIP("SYNSCOPE_APP is not set; run the test through ctest");
        const QString file = which == u"partly" ? m_partly : m_nothing;
        const QString out = m_dir.filePath(which + QStringLiteral(".txt"));
        QProcess p;
        p.start(app, {file, QStringLiteral("--stream"), QStringLiteral("0"), QStringLiteral("--export"), out});
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), exitCode);
        QVERIFY2(err.contains(stderrHas.arg(file)), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1); // one line per kind: one here
        QCOMPARE(QFile::exists(out), exitCode == 0);
    }
};

SYNSCOPE_TEST_MAIN(TestCaptureOpen)
#include "tst_captureopen.moc"

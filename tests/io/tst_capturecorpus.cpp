// SPDX-License-Identifier: GPL-3.0-or-later
// Replays the malformed captures in tests/data/malformed (made by make-corpus.py there; they also
// seed the fuzz target) on every run: each gives either one precise message — what is wrong and
// where — or a clean parse, never a crash or a hang.
#include "io/pcapimport.h"
#include "testmain.h"
#include "trace/trace.h"

#include <QDir>
#include <QTest>
#include <map>

namespace {
// What each file must give: a clean parse (nullptr), or a message containing every listed part.
const std::map<QString, std::vector<const char *>> &expectations()
{
    static const std::map<QString, std::vector<const char *>> table {
        { QStringLiteral("empty.pcap"), { "empty.pcap is empty" } },
        { QStringLiteral("garbage.pcap"), { "not a capture SynScope can read", "unknown file format" } },
        { QStringLiteral("header-only-10-bytes.pcap"), { "not a capture SynScope can read" } },
        { QStringLiteral("truncated-record.pcap"), { "record 1 at byte 24", "truncated" } },
        { QStringLiteral("absurd-caplen.pcap"), { "record 1 at byte 24", "4294967280" } },
        { QStringLiteral("unsupported-linktype.pcap"), { "link type 147", "SynScope does not read" } },
        { QStringLiteral("snaplen-cuts-tcp.pcap"), { "record 1 at byte 24", "kept only 40 of the frame's 54 bytes" } },
        { QStringLiteral("snaplen-cuts-ethernet.pcap"), { "record 1 at byte 24", "cuts the Ethernet header" } },
        { QStringLiteral("bad-ihl.pcap"), {} },
        { QStringLiteral("bad-tcp-offset.pcap"), {} },
        { QStringLiteral("runt-ethernet-frame.pcap"), {} },
        { QStringLiteral("not-tcp.pcap"), {} },
        { QStringLiteral("arp-only.pcap"), {} },
        { QStringLiteral("null-unknown-family.pcap"), {} },
        { QStringLiteral("ipv6-extension-past-end.pcap"), {} },
        { QStringLiteral("ipv6-jumbo-zero-length.pcap"), {} },
        { QStringLiteral("pcapng-truncated-block.pcapng"), { "record 1 at byte 48", "truncated" } },
        { QStringLiteral("pcapng-block-length-13.pcapng"), { "record 1 at byte 48", "length of 13" } },
        { QStringLiteral("pcapng-bad-byte-order.pcapng"), { "not a capture SynScope can read" } },
        { QStringLiteral("pcapng-mixed-truncated.pcapng"), { "record 2 at byte 156", "the file is truncated" } },
        { QStringLiteral("pcapng-mixed-unknown-interface.pcapng"), { "record 1 at byte 68", "interface 5" } },
        { QStringLiteral("pcapng-mixed-unsupported-link.pcapng"), { "record 1 at byte 68", "link type 147" } },
        { QStringLiteral("pcapng-mixed-caplen-past-block.pcapng"), { "record 1 at byte 68", "captured length 5000" } },
        { QStringLiteral("pcapng-mixed-huge-tsresol.pcapng"), { "time resolution 127" } },
        { QStringLiteral("pcapng-mixed-ok.pcapng"), {} },
    };
    return table;
}
}

class TestCaptureCorpus : public QObject {
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(SYNSCOPE_CORPUS_DIR));
        const QStringList files
            = dir.entryList({ QStringLiteral("*.pcap"), QStringLiteral("*.pcapng") }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 20);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void replay()
    {
        QFETCH(QString, file);
        const QString name = QFileInfo(file).fileName();
        const auto expected = expectations().find(name);
        QVERIFY2(expected != expectations().end(), "every corpus file needs an expectation in this test");
        std::vector<Conversation> list;
        QString error;
        const bool listed = CaptureImport::conversations(file, list, &error);
        Trace trace;
        QString openError;
        const bool opened = CaptureImport::open(file, 0, trace, &openError);
        if (expected->second.empty()) {
            QVERIFY2(listed, qPrintable(error));
            if (list.empty()) {
                QVERIFY(!opened);
                QVERIFY2(openError.contains(u"holds no TCP connection"), qPrintable(openError));
            } else {
                QVERIFY2(opened, qPrintable(openError));
                QVERIFY(!trace.isEmpty());
            }
            return;
        }
        QVERIFY2(!listed, "a damaged file must not list conversations");
        QVERIFY(!opened);
        QVERIFY(trace.isEmpty());
        QCOMPARE(openError, error); // the same message however the file is opened
        QVERIFY2(error.startsWith(file), qPrintable(error)); // names the file
        QVERIFY2(!error.contains(u'\n'), qPrintable(error)); // one line
        for (const char *part : expected->second)
            QVERIFY2(error.contains(QLatin1StringView(part)),
                qPrintable(error + QStringLiteral("  (expected: ") + QLatin1StringView(part) + u')'));
    }
};

SYNSCOPE_TEST_MAIN(TestCaptureCorpus)
#include "tst_capturecorpus.moc"

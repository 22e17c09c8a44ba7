// SPDX-License-Identifier: GPL-3.0-or-later
// Replays the malformed captures in tests/data/malformed (made by make-corpus.py there; they also
// seed the fuzz target) on every run: each gives either one precise message — what is wrong and
// where — or a clean parse, never a crash or a hang.
#include "io/pcapimport.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"

#include <QDir>
#include <QTest>
#include <map>

namespace {
// What each file must give: a clean parse (no parts), one message containing every listed part
// (the file cannot be shown), or a trace with a note containing every part (a file damaged after
// frames SynScope could show: they are shown, and the note says where the damage is).
struct Expected {
    enum { Clean, Error, Note } outcome = Clean;
    std::vector<const char *> parts;
};

const std::map<QString, Expected> &expectations()
{
    static const std::map<QString, Expected> table {
        {QStringLiteral("empty.pcap"), {Expected::Error, {"empty.pcap is empty"}}},
        {QStringLiteral("garbage.pcap"), {Expected::Error, {"not a capture SynScope can read", "unknown file format"}}},
        {QStringLiteral("header-only-10-bytes.pcap"), {Expected::Error, {"not a capture SynScope can read"}}},
        {QStringLiteral("truncated-record.pcap"), {Expected::Error, {"record 1 at byte 24", "truncated"}}},
        {QStringLiteral("absurd-caplen.pcap"), {Expected::Error, {"record 1 at byte 24", "4294967280"}}},
        {QStringLiteral("unsupported-linktype.pcap"), {Expected::Error, {"link type 147", "SynScope does not read"}}},
        {QStringLiteral("snaplen-cuts-tcp.pcap"),
         {Expected::Error, {"record 1 at byte 24", "kept only 40 of the frame's 54 bytes"}}},
        {QStringLiteral("snaplen-cuts-ethernet.pcap"),
         {Expected::Error, {"record 1 at byte 24", "cuts the Ethernet header"}}},
        {QStringLiteral("bad-ihl.pcap"),
         {Expected::Error, {"holds no TCP connection", "malformed IPv4 header", "record 1 at byte 24"}}},
        {QStringLiteral("bad-tcp-offset.pcap"), {Expected::Error, {"holds no TCP connection", "malformed TCP header"}}},
        {QStringLiteral("runt-ethernet-frame.pcap"),
         {Expected::Error, {"holds no TCP connection", "ends inside its Ethernet header"}}},
        {QStringLiteral("not-tcp.pcap"), {}},
        {QStringLiteral("arp-only.pcap"), {}},
        {QStringLiteral("null-unknown-family.pcap"), {}},
        {QStringLiteral("ipv6-extension-past-end.pcap"), {Expected::Error, {"malformed IPv6 header"}}},
        {QStringLiteral("ipv6-jumbo-zero-length.pcap"), {Expected::Error, {"malformed IPv6 header"}}},
        {QStringLiteral("pcapng-truncated-block.pcapng"), {Expected::Error, {"record 1 at byte 48", "truncated"}}},
        {QStringLiteral("pcapng-block-length-13.pcapng"), {Expected::Error, {"record 1 at byte 48", "length of 13"}}},
        {QStringLiteral("pcapng-bad-byte-order.pcapng"), {Expected::Error, {"not a capture SynScope can read"}}},
        {QStringLiteral("pcapng-mixed-truncated.pcapng"),
         {Expected::Note, {"record 2 at byte 156", "the file is truncated", "SynScope read the frame before it"}}},
        {QStringLiteral("pcapng-mixed-unknown-interface.pcapng"),
         {Expected::Error, {"record 1 at byte 68", "interface 5"}}},
        {QStringLiteral("pcapng-mixed-unsupported-link.pcapng"),
         {Expected::Error, {"record 1 at byte 68", "link type 147"}}},
        {QStringLiteral("pcapng-mixed-caplen-past-block.pcapng"),
         {Expected::Error, {"record 1 at byte 68", "captured length 5000"}}},
        {QStringLiteral("pcapng-mixed-huge-tsresol.pcapng"),
         {Expected::Error, {"interface description block at byte 28", "time resolution 127"}}},
        {QStringLiteral("pcapng-mixed-ok.pcapng"), {}},
        // UBSan's finds (issue 13): each a message, no undefined behaviour on the way.
        {QStringLiteral("pcapng-mixed-time-overflow.pcapng"),
         {Expected::Error, {"1 frame whose time is out of range", "record 1 at byte 76"}}},
        {QStringLiteral("pcapng-mixed-option-ffff.pcapng"),
         {Expected::Error,
          {"interface description block at byte 28", "option 2 claims 65535 bytes, but only 4 are left"}}},
        {QStringLiteral("window-scale-235.pcap"), {}},
    };
    return table;
}
} // namespace

class TestCaptureCorpus : public QObject {
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(SYNSCOPE_CORPUS_DIR));
        const QStringList files =
            dir.entryList({QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files, QDir::Name);
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
        const auto hasParts = [&](const QString &text) {
            for (const char *part : expected->second.parts) {
                if (!text.contains(QLatin1StringView(part))) return false;
            }
            return true;
        };
        switch (expected->second.outcome) {
        case Expected::Clean:
            QVERIFY2(listed, qPrintable(error));
            if (list.empty()) {
                QVERIFY(!opened);
                QVERIFY2(openError.contains(u"holds no TCP connection"), qPrintable(openError));
            } else {
                QVERIFY2(opened, qPrintable(openError));
                QVERIFY(!trace.isEmpty());
                QVERIFY2(trace.info().importNotes.isEmpty(), qPrintable(trace.info().importNotes.join(u'\n')));
            }
            return;
        case Expected::Note: {
            QVERIFY2(listed, qPrintable(error));
            QVERIFY2(opened, qPrintable(openError));
            QVERIFY(!trace.isEmpty());
            const QString notes = trace.info().importNotes.join(u'\n');
            QVERIFY2(hasParts(notes), qPrintable(notes));
            for (const QString &note : trace.info().importNotes)
                QVERIFY2(!note.contains(u'\n') && !note.contains(file),
                         qPrintable(note)); // one line; the caller names the file
            return;
        }
        case Expected::Error:
            break;
        }
        QVERIFY2(!listed, "a damaged file must not list conversations");
        QVERIFY(!opened);
        QVERIFY(trace.isEmpty());
        QCOMPARE(openError, error); // the same message however the file is opened
        QVERIFY2(error.startsWith(file), qPrintable(error)); // names the file
        QVERIFY2(!error.contains(u'\n'), qPrintable(error)); // one line
        QVERIFY2(hasParts(error), qPrintable(error));
    }

    // A window-scale shift of 235 is taken as 14 (RFC 7323 §2.3), as Wireshark does: the server's
    // window of 65535 is 65535 << 14 bytes, and nothing shifts past 31 bits on the way.
    void windowScaleClamped()
    {
        const QString file = QStringLiteral(SYNSCOPE_CORPUS_DIR "/window-scale-235.pcap");
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file, 0, trace, &error), qPrintable(error));
        SegmentLabeler labels(trace);
        labels.update();
        qsizetype lastSend = -1;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            if (trace.at(i).kind == EventKind::Send) lastSend = i;
        }
        QCOMPARE(labels.windowText(lastSend), QString::number(quint64(65535) << 14));
    }
};

SYNSCOPE_TEST_MAIN(TestCaptureCorpus)
#include "tst_capturecorpus.moc"

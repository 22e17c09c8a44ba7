// SPDX-License-Identifier: GPL-3.0-or-later
// Captures from the wild, generated (wildcases.h): tunnels, fragments, TSO and jumbo frames, merged
// and cut files, more link layers, every TCP analysis mark. Each is read by SynScope and compared,
// stream by stream and segment by segment (flags, relative numbers, length, analysis marks), with
// what tshark 4.0 makes of the same file: with tshark's output kept in tests/data/tshark (so the
// comparison holds on machines without it), and with tshark itself where it is installed (`bash
// app/setup.sh test` installs it). SYNSCOPE_WRITE_TSHARK_REFERENCE=1 rewrites the kept output.
#include "diagram/diagramrenderer.h"
#include "io/capturereader.h"
#include "io/pcapimport.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/stepcaption.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "trace/tracejson.h"
#include "wildcases.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <map>

namespace {

// tcp.analysis flags as tshark names them, with SynScope's bits.
struct MarkName {
    const char *field;
    quint8 mark;
    quint16 analysis;
};
constexpr MarkName kMarks[] {
    {"retransmission", EventMark::Retransmission, 0},
    {"fast_retransmission", 0, AnalysisMark::FastRetransmission},
    {"spurious_retransmission", 0, AnalysisMark::SpuriousRetransmission},
    {"out_of_order", EventMark::OutOfOrder, 0},
    {"duplicate_ack", EventMark::DuplicateAck, 0},
    {"zero_window", EventMark::ZeroWindow, 0},
    {"zero_window_probe", 0, AnalysisMark::ZeroWindowProbe},
    {"zero_window_probe_ack", 0, AnalysisMark::ZeroWindowProbeAck},
    {"keep_alive", 0, AnalysisMark::KeepAlive},
    {"keep_alive_ack", 0, AnalysisMark::KeepAliveAck},
    {"window_update", 0, AnalysisMark::WindowUpdate},
    {"window_full", 0, AnalysisMark::WindowFull},
    {"lost_segment", 0, AnalysisMark::LostSegment},
    {"ack_lost_segment", 0, AnalysisMark::AckedUnseen},
    {"reused_ports", 0, AnalysisMark::ReusedPorts},
};

// One TCP frame as a line: "stream<TAB>flags<TAB>seq<TAB>ack<TAB>len<TAB>marks" (ack only with the ACK flag).
QString line(int stream, quint8 flags, const QString &seq, const QString &ack, quint32 length, const QStringList &marks)
{
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
        .arg(stream)
        .arg(flags, 2, 16, QLatin1Char('0'))
        .arg(seq, (flags & TcpFlag::Ack) ? ack : QStringLiteral("-"))
        .arg(length)
        .arg(marks.isEmpty() ? QStringLiteral("-") : marks.join(u','));
}

// tshark's view of a file: one line per frame with TCP, prefixed with the frame number; a header
// quoted in an ICMP error is "<frame>\t<stream>\tquoted".
QStringList tsharkLines(const QString &file, const QString &configDir, QString *version)
{
    QStringList args {QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("json")};
    for (const char *field :
         {"frame.number", "frame.protocols", "tcp.stream", "tcp.flags", "tcp.seq", "tcp.ack", "tcp.len"})
        args << QStringLiteral("-e") << QLatin1StringView(field);
    for (const MarkName &m : kMarks)
        args << QStringLiteral("-e") << QStringLiteral("tcp.analysis.") + QLatin1StringView(m.field);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), configDir); // default preferences, whatever the user set
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("tshark"), args);
    // A cut file makes tshark exit non-zero after the frames it could read: its output still counts.
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) return {};
    QStringList out;
    const QJsonArray packets = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    for (const QJsonValue &packet : packets) {
        const QJsonObject layers = packet[u"_source"][u"layers"].toObject();
        const QJsonArray stream = layers.value(u"tcp.stream").toArray();
        if (stream.isEmpty()) continue;
        const QString frame = layers.value(u"frame.number").toArray().at(0).toString();
        const int number = stream.at(0).toString().toInt();
        // Quoted in an ICMP error, or in a first fragment the snap length cut: numbered, no length.
        if (layers.value(u"frame.protocols").toArray().at(0).toString().contains(u"icmp")
            || !layers.contains(u"tcp.len")) {
            out << frame + u'\t' + QString::number(number) + QStringLiteral("\tquoted");
            continue;
        }
        const quint8 flags = quint8(layers.value(u"tcp.flags").toArray().at(0).toString().toUInt(nullptr, 16));
        QStringList marks;
        for (const MarkName &m : kMarks) {
            if (layers.contains(QStringLiteral("tcp.analysis.") + QLatin1StringView(m.field)))
                marks << QLatin1StringView(m.field);
        }
        out << frame + u'\t'
                + line(number, flags, layers.value(u"tcp.seq").toArray().at(0).toString(),
                       layers.value(u"tcp.ack").toArray().at(0).toString(),
                       layers.value(u"tcp.len").toArray().at(0).toString().toUInt(), marks);
    }
    if (version) {
        QProcess v;
        v.start(QStringLiteral("tshark"), {QStringLiteral("--version")});
        v.waitForFinished(30000);
        *version = QString::fromUtf8(v.readAllStandardOutput()).section(u'\n', 0, 0);
    }
    return out;
}

QString referencePath(const QString &name)
{
    return QStringLiteral(SYNSCOPE_TSHARK_REFERENCE_DIR "/") + name + QStringLiteral(".txt");
}

QStringList readReference(const QString &name)
{
    QFile file(referencePath(name));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QStringList out;
    for (const QString &l : QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        if (!l.startsWith(u'#')) out << l;
    }
    return out;
}

// SynScope's view of a file: the same lines (without frame numbers), every stream imported.
struct Mine {
    int streams = 0;
    std::map<int, QStringList> lines; // by stream
    QStringList notes;
    QString error;
};

Mine synscope(const QString &file)
{
    Mine m;
    std::vector<Conversation> list;
    if (!CaptureImport::conversations(file, list, &m.error)) return m;
    m.streams = int(list.size());
    for (const Conversation &c : list) {
        if (c.segments == 0) continue; // only quoted in ICMP errors
        Trace trace;
        if (!CaptureImport::open(file, c.stream, trace, &m.error)) return m;
        m.notes = trace.info().importNotes;
        SegmentLabeler labels(trace);
        labels.update();
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind != EventKind::Send) continue;
            QStringList marks;
            for (const MarkName &k : kMarks) {
                if ((e.marks & k.mark) || (e.analysis & k.analysis)) marks << QLatin1StringView(k.field);
            }
            // Wireshark writes relative numbers as unsigned 32-bit ones (an ACK below the base wraps).
            const auto relative = [](const QString &n) { return QString::number(quint32(n.toLongLong())); };
            m.lines[c.stream] << line(c.stream, e.flags, relative(labels.seqText(i, NumberStyle::Relative)),
                                      relative(labels.ackText(i, NumberStyle::Relative)), e.length, marks);
        }
    }
    return m;
}

// Compares SynScope's view with tshark's lines (frame-numbered), stream by stream.
QString differences(const Mine &mine, const QStringList &theirs)
{
    std::map<int, QStringList> byStream;
    std::map<int, QString> frameOf; // for messages: the frames of each stream
    int streams = 0;
    for (const QString &l : theirs) {
        const QStringList f = l.split(u'\t');
        const int stream = f.value(1).toInt();
        streams = qMax(streams, stream + 1);
        if (f.value(2) == u"quoted") continue;
        byStream[stream] << f.mid(1).join(u'\t');
        frameOf[stream] += f.value(0) + u' ';
    }
    QStringList out;
    if (mine.streams != streams)
        out << QStringLiteral("SynScope has %1 streams, tshark %2").arg(mine.streams).arg(streams);
    for (const auto &[stream, lines] : byStream) {
        const QStringList &m = mine.lines.count(stream) ? mine.lines.at(stream) : QStringList();
        if (m != lines) {
            out << QStringLiteral("stream %1 (tshark's frames %2):").arg(stream).arg(frameOf[stream]);
            for (qsizetype k = 0; k < qMax(m.size(), lines.size()); ++k) {
                if (m.value(k) != lines.value(k))
                    out << QStringLiteral("  #%1 SynScope: %2\n      tshark: %3")
                               .arg(k)
                               .arg(m.value(k), lines.value(k));
            }
        }
    }
    for (const auto &[stream, lines] : mine.lines) {
        if (!byStream.count(stream))
            out << QStringLiteral("stream %1: tshark has no segments, SynScope %2").arg(stream).arg(lines.size());
    }
    return out.join(u'\n');
}

bool haveTshark()
{
    if (!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty()) return true;
    if (qEnvironmentVariable("CI") == u"true") qWarning("tshark is missing (bash app/setup.sh test installs it)");
    return false;
}

} // namespace

class TestWildCaptures : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::map<QString, QString> m_files; // case name → its file

    QString file(const QString &name) const { return m_files.at(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("SYNSCOPE_KEEP_TEST_FILES")) {
            m_dir.setAutoRemove(false);
            qInfo("test files are kept in %s", qPrintable(m_dir.path()));
        }
        QDir().mkpath(m_dir.filePath(QStringLiteral("wireshark-config")));
        for (const WildCases::Case &c : WildCases::all()) {
            const QString path = m_dir.filePath(QStringLiteral("generated-%1.%2").arg(c.name, c.suffix));
            QVERIFY(WildCaptures::save(path, c.bytes));
            m_files[c.name] = path;
        }
    }

    void sameAsTshark_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &[name, path] : m_files)
            QTest::newRow(qPrintable(name)) << name;
    }
    // Every case, against tshark's kept output and, where it is installed, tshark itself.
    void sameAsTshark()
    {
        QFETCH(QString, name);
        const Mine mine = synscope(file(name));
        QVERIFY2(mine.streams > 0, qPrintable(mine.error));
        QVERIFY2(mine.error.isEmpty(), qPrintable(mine.error));

        QStringList reference = readReference(name);
        if (haveTshark()) {
            QString version;
            const QStringList live =
                tsharkLines(file(name), m_dir.filePath(QStringLiteral("wireshark-config")), &version);
            QVERIFY2(!live.isEmpty(), "tshark read nothing");
            const QString liveDiff = differences(mine, live);
            QVERIFY2(liveDiff.isEmpty(), qPrintable(QStringLiteral("against %1:\n%2").arg(version, liveDiff)));
            if (qEnvironmentVariableIsSet("SYNSCOPE_WRITE_TSHARK_REFERENCE")) {
                QFile out(referencePath(name));
                QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
                out.write(QStringLiteral("# %1 -T json on %2 (tests/io/wildcases.h): frame, tcp.stream, "
                                         "flags, relative seq and ack, len, analysis marks\n")
                              .arg(version, QFileInfo(file(name)).fileName())
                              .toUtf8());
                out.write((live.join(u'\n') + u'\n').toUtf8());
                reference = live;
            } else if (version.contains(u" 4.0.")) {
                // The kept output is the same tshark's: it must still be what tshark says.
                QCOMPARE(live, reference);
            }
        }
        QVERIFY2(!reference.isEmpty(),
                 qPrintable(QStringLiteral("no kept tshark output in %1").arg(referencePath(name))));
        const QString diff = differences(mine, reference);
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("against the kept tshark output:\n") + diff));
    }

    // What the import says it left out, one line per kind, naming the file and the first frame.
    void notes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("expected"); // parts of the notes, in order
        QTest::newRow("gre") << QStringLiteral("gre")
                             << QStringList {QStringLiteral("1 frame in GRE tunnels carrying protocol 0x88b5, which "
                                                            "SynScope does not decode (record 73 at byte ")};
        QTest::newRow("ip-in-ip") << QStringLiteral(
            "ip-in-ip") << QStringList {QStringLiteral("1 frame of IPsec ESP, whose payload is encrypted (record 33 ")};
        QTest::newRow("mpls-pppoe") << QStringLiteral(
            "mpls-pppoe") << QStringList {QStringLiteral("1 frame of MPLS whose payload is neither IP nor Ethernet")};
        QTest::newRow("fragments")
            << QStringLiteral("fragments")
            << QStringList {
                   QStringLiteral(
                       "1 IP fragment cut by the snap length, whose datagrams cannot be reassembled (record 28 "),
                   QStringLiteral(
                       "2 IP fragments of datagrams whose other fragments never came (the first: record 16 ")};
        QTest::newRow("big-frames") << QStringLiteral("big-frames")
                                    << QStringList {QStringLiteral("1 frame with a malformed IPv6 header (record 14 ")};
        QTest::newRow("802.11") << QStringLiteral("link-105")
                                << QStringList {QStringLiteral(
                                       "1 frame of IEEE 802.11 whose payload is protected (encrypted) (record 9 ")};
        QTest::newRow("cut pcap") << QStringLiteral("cut-pcap")
                                  << QStringList {QStringLiteral("record 8 at byte "),
                                                  QStringLiteral("truncated dump file"),
                                                  QStringLiteral("SynScope read the 7 frames before it")};
        QTest::newRow("cut pcapng") << QStringLiteral("cut-pcapng")
                                    << QStringList {QStringLiteral("record 8 at byte "), QStringLiteral("truncated"),
                                                    QStringLiteral("SynScope read the 7 frames before it")};
        QTest::newRow("nothing left out") << QStringLiteral("udp-tunnels") << QStringList {};
    }
    void notes()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, expected);
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file(name), 0, trace, &error), qPrintable(error));
        const QStringList notes = trace.info().importNotes;
        if (expected.isEmpty()) {
            QVERIFY2(notes.isEmpty(), qPrintable(notes.join(u'\n')));
            return;
        }
        // One line per kind: here one per expected part, except for a cut file's three parts.
        QCOMPARE(notes.size(), name.startsWith(u"cut-") ? 1 : expected.size());
        const QString all = notes.join(u'\n');
        QVERIFY2(!all.contains(file(name)), qPrintable(all)); // the window and the command line name it
        for (const QString &part : expected)
            QVERIFY2(all.contains(part), qPrintable(all + QStringLiteral("  (expected: ") + part + u')'));
    }

    // A reassembled datagram is one segment whose packet is the whole datagram, kept by the trace
    // (not in the file); it saves and loads like any other.
    void fragmentsReassembled()
    {
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file(QStringLiteral("fragments")), 0, trace, &error), qPrintable(error));
        int whole = 0;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind != EventKind::Send || e.length < 600) continue;
            const QByteArrayView packet = trace.packet(e);
            TcpSegment s;
            QCOMPARE(parseIpTcp(reinterpret_cast<const uchar *>(packet.data()), packet.size(), s), ParseStatus::Ok);
            QCOMPARE(s.payloadLength, e.length);
            QCOMPARE(qsizetype(s.ipLength), packet.size());
            QVERIFY(packet.endsWith(QByteArray(int(e.length), 'x')));
            ++whole;
        }
        QCOMPARE(whole, 4);
        Trace back;
        QVERIFY2(TraceJson::load(TraceJson::save(trace), back, &error), qPrintable(error));
        QCOMPARE(back.size(), trace.size());
    }

    // TSO and jumbo lengths come from the frame (or the jumbo option), cut or not; the trace keeps
    // the bytes there are, and saves and loads.
    void bigLengths()
    {
        const QString f = file(QStringLiteral("big-frames"));
        std::vector<quint32> lengths;
        for (const int stream : {0, 1}) {
            Trace trace;
            QString error;
            QVERIFY2(CaptureImport::open(f, stream, trace, &error), qPrintable(error));
            for (qsizetype i = 0; i < trace.size(); ++i) {
                if (trace.at(i).kind == EventKind::Send && trace.at(i).length > 0)
                    lengths.push_back(trace.at(i).length);
            }
            Trace back;
            QVERIFY2(TraceJson::load(TraceJson::save(trace), back, &error), qPrintable(error));
            QCOMPARE(back.size(), trace.size());
        }
        QCOMPARE(lengths, (std::vector<quint32> {5000, 7000, 50, 70000}));
    }

    // Interfaces of different snap lengths: libpcap refuses the file, SynScope's pcapng reader reads it.
    void mergedSnapLengthsUseOwnReader()
    {
        CaptureReader reader;
        QString error;
        QVERIFY2(reader.open(file(QStringLiteral("merged-snaplen")), &error), qPrintable(error));
        QVERIFY(reader.usesOwnPcapngReader());
        std::vector<Conversation> list;
        QVERIFY2(CaptureImport::conversations(file(QStringLiteral("merged-snaplen")), list, &error), qPrintable(error));
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[1].bytes, quint64(200));
    }

    // Records longer than the file header's snap length: whole frames, as in the file.
    void recordsPastHeaderSnapLength()
    {
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file(QStringLiteral("short-snaplen")), 0, trace, &error), qPrintable(error));
        QVERIFY(trace.info().importNotes.isEmpty());
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind == EventKind::Send && e.length > 0)
                QCOMPARE(trace.packet(e).size(), qsizetype(20 + 20 + 200)); // not the 64 bytes libpcap hands out
        }
    }

    // Every mark is on its arrow and in its caption, saved and loaded with the trace; the header
    // names each end once with its port ("client 192.168.7.1:51001", not "...:51001:51001").
    void marksOnArrowsAndInCaptions()
    {
        Trace trace;
        QString error;
        QVERIFY2(CaptureImport::open(file(QStringLiteral("analysis-marks")), 0, trace, &error), qPrintable(error));
        DiagramOptions options;
        options.layout = LayoutMode::ByTime;
        DiagramRenderer renderer(trace, options);
        SegmentLabeler labels(trace);
        labels.update();
        {
            QBuffer svg;
            svg.open(QIODevice::WriteOnly);
            QSvgGenerator generator;
            generator.setOutputDevice(&svg);
            QPainter p(&generator);
            renderer.paintHeader(&p);
            p.end();
            const QByteArray text = svg.data();
            QVERIFY2(text.contains(">client 192.168.7.1:51001<"), text.constData());
            QVERIFY2(text.contains(">server 192.168.7.2:80<"), text.constData());
        }
        // Wireshark's words for each mark, on the arrow and in the caption of a segment that has it.
        const std::pair<quint16, const char *> analysis[] {
            {AnalysisMark::FastRetransmission, "fast retransmission"},
            {AnalysisMark::SpuriousRetransmission, "spurious retransmission"},
            {AnalysisMark::KeepAlive, "keep-alive"},
            {AnalysisMark::KeepAliveAck, "keep-alive ACK"},
            {AnalysisMark::WindowUpdate, "window update"},
            {AnalysisMark::WindowFull, "window full"},
            {AnalysisMark::ZeroWindowProbe, "zero-window probe"},
            {AnalysisMark::ZeroWindowProbeAck, "zero-window probe ACK"},
            {AnalysisMark::LostSegment, "previous segment not captured"},
            {AnalysisMark::AckedUnseen, "ACKed unseen segment"}};
        const std::pair<quint8, const char *> marks[] {{EventMark::DuplicateAck, "duplicate ACK"},
                                                       {EventMark::OutOfOrder, "out of order"},
                                                       {EventMark::ZeroWindow, "zero window"}};
        std::map<QString, int> seen;
        for (qsizetype i = 0; i < trace.size(); ++i) {
            const Event &e = trace.at(i);
            if (e.kind != EventKind::Send) continue;
            const QString arrow = renderer.arrowLabel(renderer.layout().arrowOfEvent(i));
            const QString caption = StepCaption::describe(trace, labels, i, NumberStyle::Symbolic);
            const auto check = [&](bool set, const char *name) {
                if (!set) return;
                const QString word = QLatin1StringView(name);
                QVERIFY2(arrow.contains(u'(' + word) || arrow.contains(u' ' + word + u')')
                             || arrow.contains(u", " + word),
                         qPrintable(word + QStringLiteral(" missing on the arrow: ") + arrow));
                QVERIFY2(caption.contains(word), qPrintable(word + QStringLiteral(" missing in: ") + caption));
                ++seen[word];
            };
            for (const auto &[bit, name] : analysis)
                check(e.analysis & bit, name);
            for (const auto &[bit, name] : marks)
                check(e.marks & bit, name);
        }
        QCOMPARE(int(seen.size()), 13); // every mark occurs in the file
        // A keep-alive is no longer a plain ACK (issue 15: http_espn_fail.pcapng).
        QVERIFY(!trace.info().importNotes.size());

        const QByteArray json = TraceJson::save(trace);
        Trace back;
        QVERIFY2(TraceJson::load(json, back, &error), qPrintable(error));
        for (qsizetype i = 0; i < trace.size(); ++i) {
            QCOMPARE(back.at(i).analysis, trace.at(i).analysis);
            QCOMPARE(back.at(i).marks, trace.at(i).marks);
        }
        QCOMPARE(TraceJson::save(back), json);
        // The marks came with version 4: a version 3 file that has them has been edited.
        QJsonObject top = QJsonDocument::fromJson(json).object();
        top.insert(u"version", 3);
        QVERIFY(!TraceJson::load(QJsonDocument(top).toJson(), back, &error));
        QVERIFY2(error.contains(u"unknown field for a send event in a version 3 file"), qPrintable(error));
    }

    // A connection quoted only in an ICMP error has a stream number but no segment to show.
    void quotedOnly()
    {
        std::vector<Conversation> list;
        QString error;
        QVERIFY2(CaptureImport::conversations(file(QStringLiteral("icmp-quotes")), list, &error), qPrintable(error));
        QVERIFY(list.size() >= 2);
        QCOMPARE(list[1].segments, quint64(0));
        Trace trace;
        QVERIFY(!CaptureImport::open(file(QStringLiteral("icmp-quotes")), 1, trace, &error));
        QVERIFY2(error.contains(u"only quoted in ICMP error messages"), qPrintable(error));
    }
};

SYNSCOPE_TEST_MAIN(TestWildCaptures)
#include "tst_wildcaptures.moc"

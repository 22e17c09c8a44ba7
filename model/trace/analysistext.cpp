// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysistext.h"

#include <QCoreApplication>

// Named for lupdate: it takes the translation context of tr() below from it.
namespace AnalysisText {
namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AnalysisText", text);
}

struct Name {
    quint8 mark;
    quint16 analysis;
    const char *text;
};

// In the order they are named: what happened to the data first, then the ACKs, the window, the gaps.
constexpr Name kNames[] {
    {EventMark::OutOfOrder, 0, QT_TRANSLATE_NOOP("AnalysisText", "out of order")},
    {EventMark::DuplicateAck, 0, QT_TRANSLATE_NOOP("AnalysisText", "duplicate ACK")},
    {0, AnalysisMark::ZeroWindowProbe, QT_TRANSLATE_NOOP("AnalysisText", "zero-window probe")},
    {0, AnalysisMark::ZeroWindowProbeAck, QT_TRANSLATE_NOOP("AnalysisText", "zero-window probe ACK")},
    {0, AnalysisMark::KeepAlive, QT_TRANSLATE_NOOP("AnalysisText", "keep-alive")},
    {0, AnalysisMark::KeepAliveAck, QT_TRANSLATE_NOOP("AnalysisText", "keep-alive ACK")},
    {EventMark::ZeroWindow, 0, QT_TRANSLATE_NOOP("AnalysisText", "zero window")},
    {0, AnalysisMark::WindowUpdate, QT_TRANSLATE_NOOP("AnalysisText", "window update")},
    {0, AnalysisMark::WindowFull, QT_TRANSLATE_NOOP("AnalysisText", "window full")},
    {0, AnalysisMark::LostSegment, QT_TRANSLATE_NOOP("AnalysisText", "previous segment not captured")},
    {0, AnalysisMark::AckedUnseen, QT_TRANSLATE_NOOP("AnalysisText", "ACKed unseen segment")},
    {0, AnalysisMark::ReusedPorts, QT_TRANSLATE_NOOP("AnalysisText", "port numbers reused")},
};

QString retransmissionName(const Event &e)
{
    if (e.analysis & AnalysisMark::FastRetransmission) return tr("fast retransmission");
    if (e.analysis & AnalysisMark::SpuriousRetransmission) return tr("spurious retransmission");
    return tr("retransmission");
}
} // namespace
} // namespace AnalysisText

namespace AnalysisText {

QStringList names(const Event &e)
{
    QStringList out;
    if (e.marks & EventMark::Retransmission) out << retransmissionName(e);
    for (const Name &n : kNames) {
        if ((e.marks & n.mark) || (e.analysis & n.analysis)) out << tr(n.text);
    }
    return out;
}

QString caption(const Event &e, const QString &kernel, const QString &label)
{
    // The mark that says most about the connection tells the story ("— a keep-alive: ..."), in
    // Wireshark's words; the others are named after it.
    struct Story {
        bool set;
        QString name;
        QString text; // "%1 sends %2 — ..." with the name in it
    };
    const Story stories[] {
        {bool(e.analysis & AnalysisMark::FastRetransmission), tr("fast retransmission"),
         tr("%1 sends %2 again at once — a fast retransmission: the peer kept acknowledging only up to this "
            "segment (duplicate ACKs), which says it was lost while later ones arrived, so the sender does "
            "not wait for its retransmission timer.")},
        {bool(e.analysis & AnalysisMark::SpuriousRetransmission), tr("spurious retransmission"),
         tr("%1 sends %2 again although the peer has already acknowledged it — a spurious retransmission: "
            "the ACK was late or lost on its way back, and the data is sent twice for nothing.")},
        {bool(e.marks & EventMark::Retransmission), tr("retransmission"),
         tr("%1 sends %2 again — a retransmission: the capture saw this data before, and no ACK came for it in "
            "time, so the sender's retransmission timer ran out.")},
        {bool(e.marks & EventMark::OutOfOrder), tr("out of order"),
         tr("%1 sends %2 after data further on, soon after it — out of order: the network delivered the "
            "segments in another order than they were sent.")},
        {bool(e.analysis & AnalysisMark::ZeroWindowProbe), tr("zero-window probe"),
         tr("%1 sends %2, a single byte although the peer's window is 0 — a zero-window probe: when its "
            "persist timer runs out the sender asks this way whether the window has opened.")},
        {bool(e.analysis & AnalysisMark::ZeroWindowProbeAck), tr("zero-window probe ACK"),
         tr("%1 sends %2 — a zero-window probe ACK: its window is still 0, the probe's byte is not taken.")},
        {bool(e.analysis & AnalysisMark::KeepAlive), tr("keep-alive"),
         tr("%1 sends %2 — a keep-alive: nothing new, one byte before what the peer expects, which the peer "
            "must answer; the connection has been idle, and the sender checks that the peer is still there.")},
        {bool(e.analysis & AnalysisMark::KeepAliveAck), tr("keep-alive ACK"),
         tr("%1 sends %2 — a keep-alive ACK: the same ACK and window as before, to say it is still there.")},
        {bool(e.marks & EventMark::DuplicateAck), tr("duplicate ACK"),
         tr("%1 sends %2 again — a duplicate ACK: a segment arrived, but not the one it waits for, so it "
            "repeats what it still expects; after three of them the sender resends at once (fast "
            "retransmission).")},
        {bool(e.marks & EventMark::ZeroWindow), tr("zero window"),
         tr("%1 sends %2 — a zero window: its receive buffer is full (the program does not read), and the peer "
            "must stop sending data.")},
        {bool(e.analysis & AnalysisMark::WindowUpdate), tr("window update"),
         tr("%1 sends %2 — a window update: no data and no new ACK, only a new receive window, because its "
            "program has read data and there is room again.")},
        {bool(e.analysis & AnalysisMark::WindowFull), tr("window full"),
         tr("%1 sends %2 — window full: the data reaches the edge of the peer's receive window, and the sender "
            "may send no more until the peer acknowledges some or opens its window.")},
        {bool(e.analysis & AnalysisMark::LostSegment), tr("previous segment not captured"),
         tr("%1 sends %2 — previous segment not captured: the data before it never passed the capture point "
            "(lost on the way there, or missed by the capture).")},
        {bool(e.analysis & AnalysisMark::AckedUnseen), tr("ACKed unseen segment"),
         tr("%1 sends %2 — an ACKed unseen segment: it acknowledges data the capture never saw, which reached "
            "the peer by a way the capture did not see, or which the capture missed.")},
        {bool(e.analysis & AnalysisMark::ReusedPorts), tr("port numbers reused"),
         tr("%1 sends %2 — port numbers reused: a new connection, with a new initial sequence number, on the "
            "ports of an earlier one.")},
    };
    for (const Story &story : stories) {
        if (!story.set) continue;
        QString sentence = story.text.arg(kernel, label);
        QStringList rest = names(e);
        rest.removeOne(story.name);
        if (!rest.isEmpty()) sentence += u' ' + tr("Wireshark also marks it: %1.").arg(rest.join(QStringLiteral(", ")));
        return sentence;
    }
    return {};
}

} // namespace AnalysisText

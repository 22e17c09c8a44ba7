// SPDX-License-Identifier: GPL-3.0-or-later
#include "textflow.h"

#include "trace/analysistext.h"
#include "trace/eventtext.h"
#include "trace/hostsettings.h"
#include "trace/trace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QIODevice>

// Named for lupdate: it takes the translation context of tr() below from it.
namespace TextFlow {
namespace {

constexpr int kTimeWidth = 10;
constexpr int kAppWidth = 24;
constexpr int kStateWidth = 12;
constexpr int kArrowWidth = 44;

QString tr(const char *text)
{
    return QCoreApplication::translate("TextFlow", text);
}

void pad(QString &line, qsizetype column)
{
    if (line.size() < column) line += QString(column - line.size(), u' ');
}

QString callText(const Trace &trace, const Event &e)
{
    const CallRecord &r = trace.callRecord(e);
    switch (e.kind) {
    case EventKind::Call:
        return r.fn + QStringLiteral("() ...");
    case EventKind::Return: {
        const QString text = r.fn + QStringLiteral("()");
        const QString result = EventText::resultText(r);
        // What a Qt call hands over is no number: "nextPendingConnection() → socket 0 (10.0.0.1:50435)".
        if (!EventText::handedOver(r).isEmpty()) return text + QStringLiteral(" → ") + result;
        if (r.hasResult) return text + QStringLiteral(" = ") + result;
        if (r.err) return text + u' ' + result;
        return text + tr(" returns"); // a Qt call of no result: not to be read as the call again
    }
    case EventKind::Signal: {
        // Qt's own accept(), and a signal Qt emitted inside a call, which still returned at once.
        if (EventText::isQtOwnCall(r)) return EventText::signalText(trace, r);
        if (EventText::isHostRestart(r)) return r.fn; // the lab's note, no signal: its column says where
        const QString inside = EventText::emittedInside(trace, r);
        return QStringLiteral("signal ") + r.fn
            + (inside.isEmpty() ? QString() : tr(" — emitted inside %1").arg(inside));
    }
    default:
        return {};
    }
}

// Wireshark's analysis marks of an imported segment (a lab's retransmission among them).
QString marksText(const Event &e)
{
    QString s;
    for (const QString &name : AnalysisText::names(e))
        s += QStringLiteral(" [") + name + u']';
    return s;
}

// "------ SYN J ------>" from the client, "<----- SYN K, ACK J+1 -----" from the server; a dropped
// segment ends in X instead of the arrow head.
QString arrow(const QString &label, bool fromClient, bool dropped)
{
    const qsizetype width = qMax<qsizetype>(kArrowWidth, label.size() + 10);
    const qsizetype dashes = width - label.size() - 3; // two spaces and the head
    const qsizetype left = dashes / 2;
    const QString head = dropped ? QStringLiteral("X") : (fromClient ? QStringLiteral(">") : QStringLiteral("<"));
    const QString body = QString(left, u'-') + u' ' + label + u' ' + QString(dashes - left, u'-');
    return fromClient ? body + head : head + body;
}

class Writer {
public:
    Writer(const Trace &trace, QIODevice &out, NumberStyle style)
        : m_trace(trace)
        , m_out(out)
        , m_style(style)
        , m_labels(trace)
    {
        m_labels.update();
    }

    bool run(QString *error)
    {
        const TraceInfo &info = m_trace.info();
        QString title = QCoreApplication::translate("TextFlow", "SynScope flow of a %1 trace").arg(info.source);
        if (!info.kernel.isEmpty()) title += QCoreApplication::translate("TextFlow", " (kernel %1)").arg(info.kernel);
        if (info.wallClockOrigin.isValid())
            title += QCoreApplication::translate("TextFlow", ", started %1 UTC")
                         .arg(info.wallClockOrigin.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        emitLine(title);
        emitLine(QCoreApplication::translate("TextFlow", "client %1, server %2")
                     .arg(info.clientAddress, info.serverAddress));
        // Which settings its connections were made with, where a scenario or the user changed them.
        for (const HostSettingChange &c : info.settingChanges)
            emitLine(
                QCoreApplication::translate("TextFlow", "%1 s: the %2 sets %3")
                    .arg(QString::number(double(c.tNs) / 1e9, 'f', 6), sideName(c.side), HostSettings::changeText(c)));
        if (m_trace.isEmpty()) emitLine(QCoreApplication::translate("TextFlow", "(no events)"));
        if (info.fromCapture())
            emitLine(QCoreApplication::translate(
                "TextFlow",
                "TCP states are inferred from the segments (RFC 9293); a capture records no socket calls."));
        emitLine({});
        row(QCoreApplication::translate("TextFlow", "time (s)"), QCoreApplication::translate("TextFlow", "client app"),
            QCoreApplication::translate("TextFlow", "client TCP"), QCoreApplication::translate("TextFlow", "segment"),
            QCoreApplication::translate("TextFlow", "server TCP"),
            QCoreApplication::translate("TextFlow", "server app"));
        for (qsizetype i = 0; i < m_trace.size() && m_ok; ++i)
            event(i);
        emitRow();
        flush();
        if (!m_ok && error)
            *error = QCoreApplication::translate("TextFlow", "cannot write the text flow: %1").arg(m_out.errorString());
        return m_ok;
    }

private:
    void event(qsizetype i)
    {
        const Event &e = m_trace.at(i);
        const bool client = e.side == Side::Client;
        const QString time = QString::number(double(e.tNs) / 1e9, 'f', 6);
        switch (e.kind) {
        case EventKind::Call:
        case EventKind::Return:
        case EventKind::Signal: {
            const QString text = callText(m_trace, e);
            row(time, client ? text : QString(), {}, {}, {}, client ? QString() : text);
            break;
        }
        case EventKind::Send:
        case EventKind::Drop:
        case EventKind::Duplicate: {
            QString label = m_labels.label(i, m_style);
            if (e.kind == EventKind::Duplicate) label += QCoreApplication::translate("TextFlow", " (copy made)");
            if (e.kind == EventKind::Send) label += marksText(e);
            row(time, {}, {}, arrow(label, client, e.kind == EventKind::Drop), {}, {});
            break;
        }
        case EventKind::State: {
            // A state change the segment just drawn caused goes on its line, as in the textbook's figures.
            const QString state = tcpStateName(e.state());
            QString &column = client ? m_row.clientState : m_row.serverState;
            if (m_row.pending && m_row.time == time && !m_row.segment.isEmpty() && column.isEmpty())
                column = state;
            else
                row(time, {}, client ? state : QString(), {}, client ? QString() : state, {});
            break;
        }
        case EventKind::Deliver: // the arrow was drawn when the segment was sent
        case EventKind::Timer:
        case EventKind::Queues:
            break;
        }
    }

    struct Row {
        bool pending = false;
        QString time, clientApp, clientState, segment, serverState, serverApp;
    };

    // Rows wait one event, so the states that follow a segment can join its line.
    void row(const QString &time, const QString &clientApp, const QString &clientState, const QString &segment,
             const QString &serverState, const QString &serverApp)
    {
        emitRow();
        m_row = Row {true, time, clientApp, clientState, segment, serverState, serverApp};
    }

    void emitRow()
    {
        if (!m_row.pending) return;
        m_row.pending = false;
        const Row &r = m_row;
        const QString &time = r.time;
        const QString &clientApp = r.clientApp;
        const QString &clientState = r.clientState;
        const QString &segment = r.segment;
        const QString &serverState = r.serverState;
        const QString &serverApp = r.serverApp;
        QString line = time.rightJustified(kTimeWidth);
        line += u"  ";
        line += clientApp;
        pad(line, kTimeWidth + 2 + kAppWidth);
        line += clientState;
        pad(line, kTimeWidth + 2 + kAppWidth + kStateWidth);
        line += segment;
        pad(line, kTimeWidth + 2 + kAppWidth + kStateWidth + kArrowWidth + 1);
        line += serverState;
        if (!serverApp.isEmpty()) {
            pad(line, qMax(line.size() + 1, kTimeWidth + 2 + kAppWidth + kStateWidth + kArrowWidth + 1 + kStateWidth));
            line += serverApp;
        }
        while (line.endsWith(u' '))
            line.chop(1);
        emitLine(line);
    }

    void emitLine(const QString &line)
    {
        m_buffer += line.toUtf8();
        m_buffer += '\n';
        if (m_buffer.size() > (1 << 16)) flush();
    }

    void flush()
    {
        if (m_ok && !m_buffer.isEmpty() && m_out.write(m_buffer) != m_buffer.size()) m_ok = false;
        m_buffer.clear();
    }

    const Trace &m_trace;
    QIODevice &m_out;
    NumberStyle m_style;
    SegmentLabeler m_labels;
    Row m_row;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace
} // namespace TextFlow

namespace TextFlow {

bool write(const Trace &trace, QIODevice &out, QString *error, NumberStyle style)
{
    return Writer(trace, out, style).run(error);
}

QString toString(const Trace &trace, NumberStyle style)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    write(trace, buffer, nullptr, style);
    return QString::fromUtf8(buffer.data());
}

} // namespace TextFlow

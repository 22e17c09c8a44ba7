// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramlayout.h"
#include "trace/event.h"

#include <QByteArrayView>
#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;
class SegmentLabeler;
class Trace;
class WrappingTreeWidget;

// Everything about the selected event, read from the top at the width of a dock: first a one-line
// summary ("SYN J — seq 3967990325 = J, no data, window 64240", "connect(…) = -1 ECONNREFUSED") and
// the sentence the diagram's caption would say of it; then for a segment its TCP header, options
// and data (every sequence number with its letter beside it), the wire's part, its IPv4 or IPv6
// header and a hex dump of its bytes; for a call its arguments, result, errno and how long it was
// blocked; for a state or timer what the kernel reported. No text is cut: every cell wraps. A
// segment its sender sent more than once lists every copy and what the wire did with each, kept
// up to date while a copy is still held.
class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget *parent = nullptr);
    ~DetailsPanel() override;

    void setTrace(const Trace *trace);
    void setEventIndex(qsizetype index); // -1: nothing selected
    qsizetype eventIndex() const { return m_index; }
    QTreeWidget *tree() const;
    QString hexText() const;
    // The summary line above the tree and the sentence in its first row; empty when nothing is
    // selected.
    QString summaryText() const;
    QString explanationText() const;

    // "0000  45 00 00 3c ...  E..<" — 16 bytes a line (8 in a narrow panel), offset, hex, printable ASCII.
    static QString hexDump(QByteArrayView bytes, int bytesPerLine = 16);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Each fills the tree and returns the summary line.
    QString showSegment(qsizetype index);
    void showCopies(qsizetype index);
    void traceGrew();
    QString showCall(qsizetype index);
    QString showState(qsizetype index);
    void showHex();
    int hexBytesPerLine() const;
    void setSummary(const QString &summary, const QString &explanation);
    // "3967990326 = J+1", or "1449 (relative 1)" where the side's SYN was not seen.
    QString named(qsizetype index, Side space, quint32 value) const;
    QTreeWidgetItem *section(const QString &title);
    void field(QTreeWidgetItem *parent, const QString &name, const QString &value);

    const Trace *m_trace = nullptr;
    std::unique_ptr<SegmentLabeler> m_labels; // the letters of the numbers; caught up when a segment is shown
    qsizetype m_index = -1;
    std::vector<DiagramLayout::Copy> m_copies; // the copies listed; watched while one can change
    bool m_watchCopies = false;
    QMetaObject::Connection m_appended, m_cleared;
    QLabel *m_summary = nullptr;
    QString m_explanation;
    WrappingTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_hex = nullptr;
    int m_hexPerLine = 16;
};

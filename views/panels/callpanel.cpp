// SPDX-License-Identifier: GPL-3.0-or-later
#include "callpanel.h"

#include "lab/bsdhost.h"
#include "lab/callmaker.h"
#include "lab/lab.h"
#include "lab/qthost.h"
#include "trace/errnoname.h"
#include "trace/eventtext.h"
#include "trace/trace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTcpSocket>
#include <QVBoxLayout>
#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <sys/socket.h>

namespace {
constexpr quint16 kDefaultPort = 9877; // Stevens' SERV_PORT

bool pollsReady(int fd, short events)
{
    if (fd < 0) return false;
    pollfd p {fd, events, 0};
    return ::poll(&p, 1, 0) == 1 && (p.revents & (events | POLLERR | POLLHUP));
}

Side other(Side side)
{
    return side == Side::Client ? Side::Server : Side::Client;
}

// "nextPending…()" for nextPendingConnection: a name too long for a button in a row of three keeps
// its first words (where its camel case begins a word).
QString buttonText(QLatin1StringView fn)
{
    constexpr qsizetype kWhole = 13;
    constexpr qsizetype kKept = 11;
    const QString name = fn;
    if (name.size() <= kWhole) return name + QStringLiteral("()");
    qsizetype cut = kKept;
    while (cut > 1 && !name.at(cut).isUpper())
        --cut;
    return name.left(cut) + QStringLiteral("…()");
}

// The result line, the same whether the call was made now or is read from a recording.
QString returnHtml(const CallRecord &call, const CallRecord &ret)
{
    QString value = ret.hasResult ? QString::number(ret.result) : CallPanel::tr("(returns nothing)");
    QString text = EventText::callSignature(call).toHtmlEscaped() + QStringLiteral(" = ") + value.toHtmlEscaped();
    if (ret.err) {
        text += QStringLiteral(" <span style='color:#b00020'><b>%1</b></span>").arg(errnoText(ret.err).toHtmlEscaped());
    } else if (!ret.detail.isEmpty()) {
        text += QStringLiteral(" <i>%1</i>").arg(ret.detail.left(60).toHtmlEscaped());
    }
    return text;
}

QString blocksHtml(const CallRecord &call)
{
    return CallPanel::tr("%1 blocks: the program waits for its kernel.")
        .arg(EventText::callSignature(call).toHtmlEscaped());
}
} // namespace

CallPanel::CallPanel(Side side, QWidget *parent)
    : QWidget(parent)
    , m_side(side)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *title = new QLabel(this);
    title->setText(QStringLiteral("<b>%1</b> %2")
                       .arg(side == Side::Client ? tr("Client program") : tr("Server program"),
                            tr("on %1").arg(Lab::address(side))));
    layout->addWidget(title);
    m_asOf = new QLabel(this);
    m_asOf->setWordWrap(true);
    m_asOf->hide();
    layout->addWidget(m_asOf);

    // Arguments shared by the calls of both flavours.
    m_arguments = new QWidget(this);
    auto *form = new QFormLayout(m_arguments);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fd = new QComboBox(this);
    m_fd->setToolTip(tr("The descriptor the call works on"));
    m_qtSocket = new QComboBox(this);
    m_qtSocket->setToolTip(tr("The QTcpSocket the call works on"));
    auto *sockets = new QWidget(this);
    auto *socketsLayout = new QHBoxLayout(sockets);
    socketsLayout->setContentsMargins(0, 0, 0, 0);
    socketsLayout->addWidget(m_fd);
    socketsLayout->addWidget(m_qtSocket);
    form->addRow(tr("Socket"), sockets);
    m_port = new QSpinBox(this);
    m_port->setRange(0, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setToolTip(
        tr("Port for bind and listen (this host) or connect (the other host, %1)").arg(Lab::address(other(side))));
    form->addRow(tr("Port"), m_port);
    m_data = new QLineEdit(QStringLiteral("hello"), this);
    m_data->setToolTip(tr("Bytes to write"));
    form->addRow(tr("Data"), m_data);
    auto *options = new QWidget(this);
    auto *optionsLayout = new QHBoxLayout(options);
    optionsLayout->setContentsMargins(0, 0, 0, 0);
    m_how = new QComboBox(options);
    for (const SocketCall::Choice &how : SocketCall::of(SocketCall::Op::Shutdown).arg(u"how")->choices)
        m_how->addItem(QString::fromLatin1(how.name));
    m_how->setCurrentText(QStringLiteral("SHUT_WR"));
    m_how->setToolTip(tr("shutdown(): which direction to close; SHUT_WR sends a FIN and keeps reading"));
    m_optionOn = new QCheckBox(tr("on"), options);
    m_optionOn->setChecked(true);
    m_optionOn->setToolTip(tr("Socket options: switch SO_LINGER, TCP_NODELAY or SO_REUSEADDR on or off"));
    m_linger = new QSpinBox(options);
    m_linger->setRange(0, 3600);
    m_linger->setSuffix(tr(" s"));
    m_linger->setToolTip(tr("SO_LINGER time; 0 makes close() send a RST instead of a FIN (abortive close)"));
    optionsLayout->addWidget(m_how);
    optionsLayout->addWidget(m_optionOn);
    optionsLayout->addWidget(new QLabel(tr("linger"), options));
    optionsLayout->addWidget(m_linger);
    optionsLayout->addStretch(1);
    form->addRow(tr("Options"), options);
    layout->addWidget(m_arguments);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(makePage(Flavour::Bsd));
    m_pages->addWidget(makePage(Flavour::Qt));
    layout->addWidget(m_pages);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMinimumHeight(m_result->fontMetrics().height() * 2);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addStretch(1);
    setFlavour(Flavour::Bsd);
}

QWidget *CallPanel::makePage(Flavour flavour)
{
    auto *page = new QWidget(this);
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(3);
    for (const SocketCall &call : SocketCall::all()) {
        if (call.flavour != flavour) continue;
        // A socket option is what a student picks, so each has a button of its own.
        if (const SocketCall::Arg *option = call.arg(u"option")) {
            for (const SocketCall::Choice &c : option->choices) {
                const QString name = QString::fromLatin1(c.name);
                addButton(grid, call, name, name, QCoreApplication::translate("SocketCall", c.summary));
            }
        } else {
            addButton(grid, call, call.name, buttonText(call.shortFn()), call.summaryText());
        }
    }
    return page;
}

void CallPanel::addButton(QGridLayout *grid, const SocketCall &socketCall, const QString &name, const QString &text,
                          const QString &tip)
{
    auto &buttons = m_buttons[int(socketCall.flavour)];
    const int n = int(buttons.size());
    auto *button = new QPushButton(text, grid->parentWidget());
    button->setObjectName(name);
    button->setToolTip(tip);
    // Keyboard focus stays where it is: Space must step the lesson, not press a button.
    button->setFocusPolicy(Qt::TabFocus);
    grid->addWidget(button, n / 3, n % 3);
    buttons.insert(name, Button {button, &socketCall, socketCall.arg(u"option") ? name : QString(), text});
    connect(button, &QPushButton::clicked, this, [this, name] { call(name); });
}

void CallPanel::setLab(Lab *lab)
{
    if (m_asOfTrace) {
        // The recording's descriptors and sockets are not the lab's.
        m_asOfTrace = nullptr;
        disconnect(m_asOfTraceGone);
        m_fd->clear();
        m_qtSocket->clear();
        showFlavour(m_chosenFlavour);
    }
    m_lab = lab;
    m_listenFds.clear();
    m_scanned = 0;
    m_result->clear();
    if (lab && lab->isReady()) {
        // A fresh lab makes new hosts: connect to these ones (the old ones are gone with their connections).
        connect(lab->trace(), &Trace::eventsAppended, this, &CallPanel::refresh, Qt::UniqueConnection);
        connect(lab->trace(), &Trace::cleared, this, &CallPanel::refresh, Qt::UniqueConnection);
        connect(lab->bsd(m_side), &BsdHost::returned, this, &CallPanel::showReturn, Qt::UniqueConnection);
        connect(lab->bsd(m_side), &BsdHost::blockedChanged, this, &CallPanel::refresh, Qt::UniqueConnection);
        connect(lab->qt(m_side), &QtHost::returned, this, &CallPanel::showReturn, Qt::UniqueConnection);
    }
    refresh();
}

void CallPanel::setFlavour(Flavour flavour)
{
    m_chosenFlavour = flavour;
    // A recording shows the flavour its program was written in (refresh() picks it).
    if (!m_asOfTrace) showFlavour(flavour);
    refresh();
}

void CallPanel::showFlavour(Flavour flavour)
{
    m_flavour = flavour;
    m_pages->setCurrentIndex(int(flavour));
    m_fd->setVisible(flavour == Flavour::Bsd);
    m_qtSocket->setVisible(flavour == Flavour::Qt);
    m_how->setVisible(flavour == Flavour::Bsd);
    m_linger->setVisible(flavour == Flavour::Bsd);
    m_optionOn->setVisible(flavour == Flavour::Bsd);
}

void CallPanel::showAsOf(const Trace *trace, qsizetype endEvent, int step)
{
    m_lab = nullptr;
    m_listenFds.clear();
    m_scanned = 0;
    disconnect(m_asOfTraceGone);
    m_asOfTrace = trace;
    if (trace) {
        // A recording let go while shown: nothing to show, and no lab either.
        m_asOfTraceGone = connect(trace, &QObject::destroyed, this, [this] { setLab(nullptr); });
    }
    m_asOfEnd = endEvent;
    m_asOfStep = step;
    refresh();
}

QComboBox *CallPanel::socketBox() const
{
    return m_flavour == Flavour::Bsd ? m_fd : m_qtSocket;
}

void CallPanel::selectSocket(int fdOrId)
{
    QComboBox *box = socketBox();
    const int i = box->findData(fdOrId);
    if (i >= 0) box->setCurrentIndex(i);
}

QPushButton *CallPanel::button(const QString &name) const
{
    return m_buttons[int(m_flavour)].value(name).button;
}

QString CallPanel::resultText() const
{
    return m_result->text();
}

QString CallPanel::statusText() const
{
    return m_status->text();
}

QString CallPanel::asOfText() const
{
    return m_asOfTrace ? m_asOf->text() : QString();
}

bool CallPanel::wouldBlock(const QString &name) const
{
    return m_blocks.contains(name);
}

int CallPanel::currentFd() const
{
    return m_fd->currentIndex() >= 0 ? m_fd->currentData().toInt() : -1;
}

int CallPanel::listeningFd() const
{
    // accept() means the listener; with none, the selected descriptor (the kernel then says EINVAL).
    const auto fds = m_lab ? m_lab->bsd(m_side)->sockets() : std::vector<int> {};
    for (auto it = m_listenFds.crbegin(); it != m_listenFds.crend(); ++it) {
        if (std::find(fds.begin(), fds.end(), *it) != fds.end()) return *it;
    }
    return currentFd();
}

qsizetype CallPanel::call(const QString &name)
{
    if (m_asOfTrace) return -1; // a recording is shown: it says itself how to make calls
    if (!m_lab || !m_lab->isReady() || !m_buttons[int(m_flavour)].contains(name)) {
        m_status->setText(tr("The lab is not running."));
        return -1;
    }
    const Button &b = m_buttons[int(m_flavour)][name];
    QString refusal;
    const qsizetype callEvent = CallMaker::make(*m_lab, m_side, *b.call, arguments(b), &refusal);
    showCalled(callEvent, refusal);
    if (callEvent >= 0) emit called(callEvent);
    refresh();
    return callEvent;
}

QJsonObject CallPanel::arguments(const Button &b) const
{
    // The panel's fields by the arguments they give; an argument no field gives (an address, a
    // backlog, a read's count) has its default: this host to bind, the other to connect to.
    QJsonObject args;
    for (const SocketCall::Arg &arg : b.call->args) {
        switch (arg.type) {
        case SocketCall::ArgType::Handle:
            if (m_flavour == Flavour::Qt)
                args.insert(arg.name, m_qtSocket->currentIndex() >= 0 ? m_qtSocket->currentData().toInt() : -1);
            else // accept() means the listener, whichever descriptor is selected
                args.insert(arg.name, b.call->op == SocketCall::Op::Accept ? listeningFd() : currentFd());
            break;
        case SocketCall::ArgType::Port:
            args.insert(arg.name, m_port->value());
            break;
        case SocketCall::ArgType::Text:
            args.insert(arg.name, m_data->text());
            break;
        case SocketCall::ArgType::OneOf:
            args.insert(arg.name, arg.name == u"how" ? m_how->currentText() : b.option);
            break;
        case SocketCall::ArgType::Int:
            if (arg.name == u"linger")
                args.insert(arg.name, m_linger->value());
            else if (arg.name == u"onoff" || arg.name == u"value") // CallMaker reads what its option takes
                args.insert(arg.name, m_optionOn->isChecked() ? 1 : 0);
            break;
        case SocketCall::ArgType::Address:
            break;
        }
    }
    return args;
}

void CallPanel::showCalled(qsizetype callEvent, const QString &refusal)
{
    if (callEvent < 0) {
        m_result->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(refusal.toHtmlEscaped()));
        return;
    }
    const Trace *trace = m_lab->trace();
    const CallRecord &record = trace->callRecord(trace->at(callEvent));
    const auto result =
        m_flavour == Flavour::Bsd ? m_lab->bsd(m_side)->result(callEvent) : m_lab->qt(m_side)->result(callEvent);
    if (!result) {
        m_result->setText(blocksHtml(record));
        return;
    }
    // Immediate calls have returned already: find the Return event (it was appended right after).
    for (qsizetype i = trace->size() - 1; i > callEvent; --i) {
        const Event &e = trace->at(i);
        if (e.kind == EventKind::Return && trace->callRecord(e).callEvent == callEvent) {
            showReturn(callEvent, i);
            return;
        }
    }
}

void CallPanel::showReturn(qsizetype callEvent, qsizetype returnEvent)
{
    if (!m_lab) return;
    const Trace *trace = m_lab->trace();
    if (callEvent < 0 || callEvent >= trace->size() || returnEvent < 0 || returnEvent >= trace->size()) return;
    const CallRecord &call = trace->callRecord(trace->at(callEvent));
    const CallRecord &ret = trace->callRecord(trace->at(returnEvent));
    m_result->setText(returnHtml(call, ret));
    // A new descriptor (socket, accept) or Qt socket becomes the one the next call works on.
    const SocketCall *made = SocketCall::recorded(call.fn);
    if (!ret.err && made && made->makes == SocketCall::Makes::Result) {
        updateSockets();
        selectSocket(int(ret.result));
    }
    refresh();
}

void CallPanel::scanTrace()
{
    // Which descriptors listen, from the program's own successful listen() and close() calls —
    // made from this panel or by a scenario — read incrementally as the trace grows.
    const Trace *trace = m_lab ? m_lab->trace() : nullptr;
    if (!trace || m_scanned > trace->size()) {
        m_scanned = 0;
        m_listenFds.clear();
    }
    if (!trace) return;
    for (; m_scanned < trace->size(); ++m_scanned) {
        const Event &e = trace->at(m_scanned);
        if (e.kind != EventKind::Return || e.side != m_side) continue;
        const CallRecord &r = trace->callRecord(e);
        if (r.err || r.result != 0 || r.callEvent < 0 || (r.fn != u"listen" && r.fn != u"close")) continue;
        const int fd = trace->callRecord(trace->at(r.callEvent)).args.value(QStringLiteral("fd")).toInt(-1);
        if (r.fn == u"listen")
            m_listenFds.append(fd);
        else
            m_listenFds.removeAll(fd);
    }
}

void CallPanel::refresh()
{
    if (m_asOfTrace) {
        showSituation();
        return;
    }
    m_asOf->hide();
    m_arguments->setEnabled(true);
    const bool ready = m_lab && m_lab->isReady();
    scanTrace();
    updateSockets();
    updateBlocking();
    const bool blocked = ready && m_flavour == Flavour::Bsd && m_lab->bsd(m_side)->isBlocked();
    for (const Button &b : std::as_const(m_buttons[int(m_flavour)]))
        b.button->setEnabled(ready && !blocked);
    if (!ready)
        m_status->setText(tr("No lab: the calls need the two kernels."));
    else if (blocked)
        m_status->setText(tr("<b>Blocked in %1</b>: like a single-threaded program, it can make no other call until "
                             "that one returns.")
                              .arg(m_lab->bsd(m_side)->blockedIn()));
    else
        m_status->clear();
}

void CallPanel::updateSockets()
{
    const bool ready = m_lab && m_lab->isReady();
    if (m_flavour == Flavour::Bsd) {
        const std::vector<int> fds = ready ? m_lab->bsd(m_side)->sockets() : std::vector<int> {};
        QList<int> shown;
        for (int i = 0; i < m_fd->count(); ++i)
            shown << m_fd->itemData(i).toInt();
        if (shown != QList<int>(fds.begin(), fds.end())) {
            const int keep = currentFd();
            m_fd->clear();
            for (int fd : fds)
                m_fd->addItem(m_listenFds.contains(fd) ? tr("fd %1 (listening)").arg(fd) : tr("fd %1").arg(fd), fd);
            const int i = m_fd->findData(keep);
            m_fd->setCurrentIndex(i >= 0 ? i : m_fd->count() - 1);
        }
    } else {
        const int count = ready ? m_lab->qt(m_side)->socketCount() : 0;
        if (m_qtSocket->count() != count) {
            m_qtSocket->clear();
            for (int id = 0; id < count; ++id)
                m_qtSocket->addItem(tr("QTcpSocket %1").arg(id), id);
            m_qtSocket->setCurrentIndex(count - 1);
        }
    }
}

void CallPanel::updateBlocking()
{
    m_blocks.clear();
    const bool live = m_lab && m_lab->isReady() && m_flavour == Flavour::Bsd && !m_lab->bsd(m_side)->isBlocked();
    const auto &buttons = m_buttons[int(m_flavour)];
    for (auto it = buttons.begin(); it != buttons.end(); ++it) {
        const bool blocks = live && it->call->blocks && blocksNow(*it->call);
        if (blocks) m_blocks.insert(it.key());
        it->button->setText(blocks ? tr("%1 — blocks").arg(it->text) : it->text);
    }
}

bool CallPanel::blocksNow(const SocketCall &call) const
{
    // What a blocking call would do now: a non-blocking connect() always waits for the SYN+ACK;
    // accept() and read() wait for something to be ready to read, write() for room to write.
    using Op = SocketCall::Op;
    const int fd = call.op == Op::Accept ? listeningFd() : currentFd();
    if (fd < 0) return false;
    const bool listens = m_listenFds.contains(fd);
    switch (call.op) {
    case Op::Connect: {
        sockaddr_storage peer;
        socklen_t len = sizeof peer;
        return !listens && ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) != 0;
    }
    case Op::Accept:
        return listens && !pollsReady(fd, POLLIN);
    case Op::Read:
        return !listens && !pollsReady(fd, POLLIN);
    case Op::Write:
        return !listens && !pollsReady(fd, POLLOUT);
    default:
        return false; // close() waits only with SO_LINGER, for data still unacknowledged
    }
}

void CallPanel::showSituation()
{
    const Trace *trace = m_asOfTrace;
    const qsizetype end = std::clamp<qsizetype>(m_asOfEnd, 0, trace->size());
    // The program a recording ran was written in one flavour: its first call says which.
    Flavour flavour = m_chosenFlavour;
    for (qsizetype i = 0; i < trace->size(); ++i) {
        const Event &e = trace->at(i);
        if (e.kind == EventKind::Call) {
            flavour = SocketCall::flavourOf(trace->callRecord(e).fn);
            break;
        }
    }
    if (flavour != m_flavour) showFlavour(flavour);

    // The program's calls up to the position, replayed: what each gave it and what each released.
    QList<int> fds;
    QList<int> listening;
    QList<int> sockets; // Qt socket ids
    int serverPort = -1; // the QTcpServer's, once it listens
    qsizetype pending = -1, last = -1, lastReturn = -1;
    const auto callArg = [trace](const CallRecord &ret, QStringView key) {
        if (ret.callEvent < 0 || ret.callEvent >= trace->size()) return -1;
        return trace->callRecord(trace->at(ret.callEvent)).args.value(key).toInt(-1);
    };
    for (qsizetype i = 0; i < end; ++i) {
        const Event &e = trace->at(i);
        if (e.side != m_side) continue;
        if (e.kind == EventKind::Call) {
            last = pending = i;
            lastReturn = -1;
            continue;
        }
        if (e.kind != EventKind::Return) continue;
        const CallRecord &r = trace->callRecord(e);
        if (r.callEvent == pending) pending = -1;
        if (r.callEvent == last) lastReturn = i;
        const SocketCall *call = SocketCall::recorded(r.fn);
        if (!call) continue;
        using Op = SocketCall::Op;
        QList<int> &held = call->flavour == Flavour::Bsd ? fds : sockets;
        if (call->makes == SocketCall::Makes::Result) {
            if (!r.err && r.result >= 0 && !held.contains(int(r.result))) held << int(r.result);
        } else if (call->makes == SocketCall::Makes::RecordedSocket) {
            const int id = callArg(r, u"socket");
            if (!r.err && id >= 0 && !held.contains(id)) held << id;
        } else if (call->op == Op::Listen) {
            const int fd = callArg(r, u"fd");
            if (!r.err && r.result == 0 && !listening.contains(fd)) listening << fd;
        } else if (call->op == Op::Close) {
            // Linux releases the descriptor even when close() reports an error; EBADF: there was none.
            const int fd = callArg(r, u"fd");
            if (r.err != EBADF) {
                fds.removeAll(fd);
                listening.removeAll(fd);
            }
        } else if (call->op == Op::QtListen) {
            if (!r.err && r.result == 1) serverPort = callArg(r, u"port");
        } else if (call->op == Op::QtClose || call->op == Op::QtAbort) {
            if (!r.err) sockets.removeAll(callArg(r, u"socket"));
        }
    }

    // The socket boxes hold what the program holds, on the socket its last call worked on; the
    // descriptors in the order the live panel lists them (BsdHost::sockets(): by number).
    std::sort(fds.begin(), fds.end());
    m_fd->clear();
    for (int fd : std::as_const(fds))
        m_fd->addItem(listening.contains(fd) ? tr("fd %1 (listening)").arg(fd) : tr("fd %1").arg(fd), fd);
    m_qtSocket->clear();
    for (int id : std::as_const(sockets))
        m_qtSocket->addItem(tr("QTcpSocket %1").arg(id), id);
    QComboBox *box = socketBox();
    box->setCurrentIndex(box->count() - 1);
    if (last >= 0) {
        // As live: a call that made a descriptor or socket hands it on to the next call.
        const CallRecord &call = trace->callRecord(trace->at(last));
        const CallRecord *ret = lastReturn >= 0 ? &trace->callRecord(trace->at(lastReturn)) : nullptr;
        const SocketCall *maker = SocketCall::recorded(call.fn);
        const bool made = ret && !ret->err && ret->result >= 0 && maker && maker->makes == SocketCall::Makes::Result;
        selectSocket(made ? int(ret->result) : call.args.value(flavour == Flavour::Bsd ? u"fd" : u"socket").toInt(-1));
    }

    QStringList held;
    if (flavour == Flavour::Bsd) {
        for (int fd : std::as_const(fds))
            held << (listening.contains(fd) ? tr("fd %1 (listening)").arg(fd) : tr("fd %1").arg(fd));
    } else {
        if (serverPort >= 0) held << tr("a QTcpServer listening on port %1").arg(serverPort);
        for (int id : std::as_const(sockets))
            held << tr("QTcpSocket %1").arg(id);
    }
    QString status = held.isEmpty() ? (flavour == Flavour::Bsd ? tr("Holds no descriptor.") : tr("Holds no socket."))
                                    : tr("Holds %1.").arg(held.join(QStringLiteral(", ")).toHtmlEscaped());
    if (pending >= 0)
        status += QStringLiteral("<br>")
            + tr("<b>Blocked in %1</b>: like a single-threaded program, it can make no other call until that one "
                 "returns.")
                  .arg(EventText::shortCall(trace->callRecord(trace->at(pending))).toHtmlEscaped());
    m_status->setText(status);

    if (last < 0)
        m_result->clear();
    else if (lastReturn >= 0)
        m_result->setText(returnHtml(trace->callRecord(trace->at(last)), trace->callRecord(trace->at(lastReturn))));
    else
        m_result->setText(blocksHtml(trace->callRecord(trace->at(last))));

    // Nothing can be called on a recording: say so, and how to get to where it can.
    updateBlocking();
    for (const auto &buttons : m_buttons) {
        for (const Button &b : buttons)
            b.button->setEnabled(false);
    }
    m_arguments->setEnabled(false);
    int step = m_asOfStep;
    if (step < 0 && !trace->steps().empty()) step = end <= 0 ? 0 : trace->stepOfEvent(end - 1) + 1;
    if (trace->steps().empty())
        m_asOf->setText(tr("<i>As recorded — no lab runs: the calls need the two kernels.</i>"));
    else if (step <= 0)
        m_asOf->setText(tr("<i>As recorded, before the first step — take over (T) to make calls.</i>"));
    else
        m_asOf->setText(tr("<i>As recorded at step %1 — take over (T) to make calls.</i>").arg(step));
    m_asOf->show();
}

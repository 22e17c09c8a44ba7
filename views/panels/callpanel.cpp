// SPDX-License-Identifier: GPL-3.0-or-later
#include "callpanel.h"

#include "lab/bsdhost.h"
#include "lab/errnoname.h"
#include "lab/lab.h"
#include "lab/qthost.h"
#include "trace/eventtext.h"
#include "trace/trace.h"

#include <QCheckBox>
#include <QComboBox>
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
    if (fd < 0)
        return false;
    pollfd p { fd, events, 0 };
    return ::poll(&p, 1, 0) == 1 && (p.revents & (events | POLLERR | POLLHUP));
}

Side other(Side side) { return side == Side::Client ? Side::Server : Side::Client; }

// "accept(3)", "connect(3, 10.0.0.2:9877)": a call named in a sentence, as the diagram names it.
QString shortCall(const CallRecord &r)
{
    QStringList parts;
    for (const QString &key : { QStringLiteral("fd"), QStringLiteral("socket") }) {
        if (r.args.contains(key))
            parts << QString::number(r.args.value(key).toInteger());
    }
    const QString port = r.args.contains(u"port") ? QString::number(r.args.value(u"port").toInteger()) : QString();
    if (r.args.contains(u"addr"))
        parts << r.args.value(u"addr").toString() + (port.isEmpty() ? QString() : u':' + port);
    else if (!port.isEmpty())
        parts << port;
    return r.fn + u'(' + parts.join(QStringLiteral(", ")) + u')';
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
}

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
    m_how->addItem(QStringLiteral("SHUT_RD"), SHUT_RD);
    m_how->addItem(QStringLiteral("SHUT_WR"), SHUT_WR);
    m_how->addItem(QStringLiteral("SHUT_RDWR"), SHUT_RDWR);
    m_how->setCurrentIndex(1);
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
    m_pages->addWidget(makeBsdPage());
    m_pages->addWidget(makeQtPage());
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

QWidget *CallPanel::makePage(Flavour flavour, std::initializer_list<ButtonSpec> buttons)
{
    auto *page = new QWidget(this);
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(3);
    for (const ButtonSpec &b : buttons) {
        const QString name = QString::fromLatin1(b.name);
        const QString text = QString::fromUtf8(b.text);
        const int n = int(m_buttons[int(flavour)].size());
        auto *button = new QPushButton(text, page);
        button->setObjectName(name);
        button->setToolTip(tr(b.tip));
        // Keyboard focus stays where it is: Space must step the lesson, not press a button.
        button->setFocusPolicy(Qt::TabFocus);
        grid->addWidget(button, n / 3, n % 3);
        m_buttons[int(flavour)].insert(name, button);
        m_baseText[int(flavour)].insert(name, text);
        connect(button, &QPushButton::clicked, this, [this, name] { call(name); });
    }
    return page;
}

QWidget *CallPanel::makeBsdPage()
{
    return makePage(Flavour::Bsd,
        {
            { "socket", "socket()", QT_TR_NOOP("Create a TCP socket (AF_INET, SOCK_STREAM)") },
            { "bind", "bind()", QT_TR_NOOP("Give the socket this host's address and the port") },
            { "listen", "listen()",
                QT_TR_NOOP("Make the socket a listener: from now on the kernel answers SYNs by itself") },
            { "connect", "connect()",
                QT_TR_NOOP("Connect to the other host at the port: the kernel sends a SYN; connect() returns when the "
                           "SYN+ACK arrives") },
            { "accept", "accept()",
                QT_TR_NOOP("Take a completed connection from the listener's queue; blocks until the third segment of a "
                           "handshake has arrived") },
            { "write", "write()", QT_TR_NOOP("Write the data to the socket") },
            { "read", "read()",
                QT_TR_NOOP("Read what has arrived; blocks while there is nothing; returns 0 (end of file) after the "
                           "peer's FIN") },
            { "shutdown", "shutdown()", QT_TR_NOOP("Close one direction of the connection") },
            { "close", "close()",
                QT_TR_NOOP(
                    "Release the descriptor: the kernel sends a FIN (or a RST with unread data or SO_LINGER 0)") },
            { "SO_LINGER", "SO_LINGER", QT_TR_NOOP("setsockopt(SO_LINGER) with on/off and the linger time") },
            { "TCP_NODELAY", "TCP_NODELAY",
                QT_TR_NOOP(
                    "setsockopt(TCP_NODELAY): send small writes at once instead of waiting (Nagle's algorithm)") },
            { "SO_REUSEADDR", "SO_REUSEADDR",
                QT_TR_NOOP("setsockopt(SO_REUSEADDR): allow bind() to a port still in TIME_WAIT") },
        });
}

QWidget *CallPanel::makeQtPage()
{
    return makePage(Flavour::Qt,
        {
            { "listen", "listen()", QT_TR_NOOP("QTcpServer::listen on this host's address and the port") },
            { "nextPendingConnection", "nextPending…()",
                QT_TR_NOOP("QTcpServer::nextPendingConnection: Qt has already accepted; this makes no system call") },
            { "connectToHost", "connectToHost()",
                QT_TR_NOOP("QTcpSocket::connectToHost to the other host at the port; Qt emits connected() when the "
                           "SYN+ACK arrives") },
            { "write", "write()", QT_TR_NOOP("QTcpSocket::write of the data") },
            { "readAll", "readAll()", QT_TR_NOOP("QTcpSocket::readAll: what Qt has buffered") },
            { "disconnectFromHost", "disconnect…()",
                QT_TR_NOOP("QTcpSocket::disconnectFromHost: send what is buffered, then a FIN") },
            { "close", "close()", QT_TR_NOOP("QTcpSocket::close") },
            { "abort", "abort()", QT_TR_NOOP("QTcpSocket::abort: a plain close() at once") },
        });
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
    if (!m_asOfTrace)
        showFlavour(flavour);
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

QComboBox *CallPanel::socketBox() const { return m_flavour == Flavour::Bsd ? m_fd : m_qtSocket; }

void CallPanel::selectSocket(int fdOrId)
{
    QComboBox *box = socketBox();
    const int i = box->findData(fdOrId);
    if (i >= 0)
        box->setCurrentIndex(i);
}

QPushButton *CallPanel::button(const QString &name) const { return m_buttons[int(m_flavour)].value(name); }

QString CallPanel::resultText() const { return m_result->text(); }

QString CallPanel::statusText() const { return m_status->text(); }

QString CallPanel::asOfText() const { return m_asOfTrace ? m_asOf->text() : QString(); }

bool CallPanel::wouldBlock(const QString &name) const { return m_blocks.value(name); }

int CallPanel::currentFd() const { return m_fd->currentIndex() >= 0 ? m_fd->currentData().toInt() : -1; }

int CallPanel::listeningFd() const
{
    // accept() means the listener; with none, the selected descriptor (the kernel then says EINVAL).
    const auto fds = m_lab ? m_lab->bsd(m_side)->sockets() : std::vector<int> {};
    for (auto it = m_listenFds.crbegin(); it != m_listenFds.crend(); ++it) {
        if (std::find(fds.begin(), fds.end(), *it) != fds.end())
            return *it;
    }
    return currentFd();
}

qsizetype CallPanel::call(const QString &name)
{
    if (m_asOfTrace)
        return -1; // a recording is shown: it says itself how to make calls
    if (!m_lab || !m_lab->isReady() || !m_buttons[int(m_flavour)].contains(name)) {
        m_status->setText(tr("The lab is not running."));
        return -1;
    }
    QJsonObject args;
    const qsizetype callEvent = m_flavour == Flavour::Bsd ? bsdCall(name, args) : qtCall(name, args);
    const QString refusal = m_flavour == Flavour::Bsd ? m_lab->bsd(m_side)->refusal() : m_lab->qt(m_side)->refusal();
    showCalled(callEvent, refusal);
    if (callEvent >= 0)
        emit called(m_side, m_flavour, name, args, callEvent);
    refresh();
    return callEvent;
}

qsizetype CallPanel::bsdCall(const QString &name, QJsonObject &args)
{
    BsdHost *host = m_lab->bsd(m_side);
    const int fd = currentFd();
    const auto port = quint16(m_port->value());
    const bool on = m_optionOn->isChecked();
    args.insert(QStringLiteral("fd"), fd);
    if (name == u"socket") {
        args.remove(QStringLiteral("fd"));
        return host->socket();
    }
    if (name == u"bind") {
        args.insert(QStringLiteral("port"), port);
        return host->bind(fd, Lab::address(m_side), port);
    }
    if (name == u"listen") {
        args.insert(QStringLiteral("backlog"), 5);
        return host->listen(fd, 5);
    }
    if (name == u"connect") {
        args.insert(QStringLiteral("port"), port);
        return host->connect(fd, Lab::address(other(m_side)), port);
    }
    if (name == u"accept") {
        args.insert(QStringLiteral("fd"), listeningFd());
        return host->accept(listeningFd());
    }
    if (name == u"write") {
        args.insert(QStringLiteral("data"), m_data->text());
        return host->write(fd, m_data->text().toUtf8());
    }
    if (name == u"read")
        return host->read(fd);
    if (name == u"shutdown") {
        args.insert(QStringLiteral("how"), m_how->currentText());
        return host->shutdown(fd, m_how->currentData().toInt());
    }
    if (name == u"close")
        return host->close(fd);
    if (name == u"SO_LINGER") {
        args.insert(QStringLiteral("on"), on);
        args.insert(QStringLiteral("seconds"), m_linger->value());
        return host->setLinger(fd, on, m_linger->value());
    }
    args.insert(QStringLiteral("on"), on);
    if (name == u"TCP_NODELAY")
        return host->setNoDelay(fd, on);
    return host->setReuseAddress(fd, on);
}

qsizetype CallPanel::qtCall(const QString &name, QJsonObject &args)
{
    QtHost *host = m_lab->qt(m_side);
    const int id = m_qtSocket->currentIndex() >= 0 ? m_qtSocket->currentData().toInt() : -1;
    const auto port = quint16(m_port->value());
    if (name == u"listen") {
        args.insert(QStringLiteral("port"), port);
        return host->listen(port);
    }
    if (name == u"nextPendingConnection")
        return host->nextPendingConnection();
    if (name == u"connectToHost") {
        args.insert(QStringLiteral("port"), port);
        return host->connectToHost(Lab::address(other(m_side)), port);
    }
    args.insert(QStringLiteral("socket"), id);
    if (name == u"write") {
        args.insert(QStringLiteral("data"), m_data->text());
        return host->write(id, m_data->text().toUtf8());
    }
    if (name == u"readAll")
        return host->readAll(id);
    if (name == u"disconnectFromHost")
        return host->disconnectFromHost(id);
    if (name == u"close")
        return host->close(id);
    return host->abort(id);
}

void CallPanel::showCalled(qsizetype callEvent, const QString &refusal)
{
    if (callEvent < 0) {
        m_result->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(refusal.toHtmlEscaped()));
        return;
    }
    const Trace *trace = m_lab->trace();
    const CallRecord &record = trace->callRecord(trace->at(callEvent));
    const auto result
        = m_flavour == Flavour::Bsd ? m_lab->bsd(m_side)->result(callEvent) : m_lab->qt(m_side)->result(callEvent);
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
    if (!m_lab)
        return;
    const Trace *trace = m_lab->trace();
    if (callEvent < 0 || callEvent >= trace->size() || returnEvent < 0 || returnEvent >= trace->size())
        return;
    const CallRecord &call = trace->callRecord(trace->at(callEvent));
    const CallRecord &ret = trace->callRecord(trace->at(returnEvent));
    m_result->setText(returnHtml(call, ret));
    // A new descriptor (socket, accept) or Qt socket becomes the one the next call works on.
    if (!ret.err && (call.fn == u"socket" || call.fn == u"accept")) {
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
    if (!trace)
        return;
    for (; m_scanned < trace->size(); ++m_scanned) {
        const Event &e = trace->at(m_scanned);
        if (e.kind != EventKind::Return || e.side != m_side)
            continue;
        const CallRecord &r = trace->callRecord(e);
        if (r.err || r.result != 0 || r.callEvent < 0 || (r.fn != u"listen" && r.fn != u"close"))
            continue;
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
    for (QPushButton *b : std::as_const(m_buttons[int(m_flavour)]))
        b->setEnabled(ready && !blocked);
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
    if (m_lab && m_lab->isReady() && m_flavour == Flavour::Bsd && !m_lab->bsd(m_side)->isBlocked()) {
        const int fd = currentFd();
        // What a blocking call would do now: a non-blocking connect() always waits for the SYN+ACK;
        // accept() and read() wait for something to be ready to read, write() for room to write.
        if (fd >= 0) {
            sockaddr_storage peer;
            socklen_t len = sizeof peer;
            const bool connected = ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) == 0;
            m_blocks.insert(QStringLiteral("connect"), !m_listenFds.contains(fd) && !connected);
            m_blocks.insert(QStringLiteral("read"), !m_listenFds.contains(fd) && !pollsReady(fd, POLLIN));
            m_blocks.insert(QStringLiteral("write"), !m_listenFds.contains(fd) && !pollsReady(fd, POLLOUT));
        }
        const int listener = listeningFd();
        if (listener >= 0 && m_listenFds.contains(listener))
            m_blocks.insert(QStringLiteral("accept"), !pollsReady(listener, POLLIN));
    }
    const auto &buttons = m_buttons[int(m_flavour)];
    for (auto it = buttons.begin(); it != buttons.end(); ++it) {
        const QString base = m_baseText[int(m_flavour)].value(it.key());
        const bool blocks = m_blocks.value(it.key());
        it.value()->setText(blocks ? tr("%1 — blocks").arg(base) : base);
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
            flavour = isQtCall(trace->callRecord(e).fn) ? Flavour::Qt : Flavour::Bsd;
            break;
        }
    }
    if (flavour != m_flavour)
        showFlavour(flavour);

    // The program's calls up to the position, replayed: what each gave it and what each released.
    QList<int> fds;
    QList<int> listening;
    QList<int> sockets; // Qt socket ids
    int serverPort = -1; // the QTcpServer's, once it listens
    qsizetype pending = -1, last = -1, lastReturn = -1;
    const auto callArg = [trace](const CallRecord &ret, QStringView key) {
        if (ret.callEvent < 0 || ret.callEvent >= trace->size())
            return -1;
        return trace->callRecord(trace->at(ret.callEvent)).args.value(key).toInt(-1);
    };
    for (qsizetype i = 0; i < end; ++i) {
        const Event &e = trace->at(i);
        if (e.side != m_side)
            continue;
        if (e.kind == EventKind::Call) {
            last = pending = i;
            lastReturn = -1;
            continue;
        }
        if (e.kind != EventKind::Return)
            continue;
        const CallRecord &r = trace->callRecord(e);
        if (r.callEvent == pending)
            pending = -1;
        if (r.callEvent == last)
            lastReturn = i;
        const QString &fn = r.fn;
        if (fn == u"socket" || fn == u"accept") {
            if (!r.err && r.result >= 0 && !fds.contains(int(r.result)))
                fds << int(r.result);
        } else if (fn == u"listen") {
            const int fd = callArg(r, u"fd");
            if (!r.err && r.result == 0 && !listening.contains(fd))
                listening << fd;
        } else if (fn == u"close") {
            // Linux releases the descriptor even when close() reports an error; EBADF: there was none.
            const int fd = callArg(r, u"fd");
            if (r.err != EBADF) {
                fds.removeAll(fd);
                listening.removeAll(fd);
            }
        } else if (fn == u"QTcpServer::listen") {
            if (!r.err && r.result == 1)
                serverPort = callArg(r, u"port");
        } else if (fn == u"QTcpSocket::connectToHost") {
            const int id = callArg(r, u"socket");
            if (!r.err && id >= 0 && !sockets.contains(id))
                sockets << id;
        } else if (fn == u"QTcpServer::nextPendingConnection") {
            if (!r.err && r.result >= 0 && !sockets.contains(int(r.result)))
                sockets << int(r.result);
        } else if (fn == u"QTcpSocket::close" || fn == u"QTcpSocket::abort") {
            if (!r.err)
                sockets.removeAll(callArg(r, u"socket"));
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
        const bool made = ret && !ret->err && ret->result >= 0
            && (call.fn == u"socket" || call.fn == u"accept" || call.fn == u"QTcpServer::nextPendingConnection");
        selectSocket(made ? int(ret->result) : call.args.value(flavour == Flavour::Bsd ? u"fd" : u"socket").toInt(-1));
    }

    QStringList held;
    if (flavour == Flavour::Bsd) {
        for (int fd : std::as_const(fds))
            held << (listening.contains(fd) ? tr("fd %1 (listening)").arg(fd) : tr("fd %1").arg(fd));
    } else {
        if (serverPort >= 0)
            held << tr("a QTcpServer listening on port %1").arg(serverPort);
        for (int id : std::as_const(sockets))
            held << tr("QTcpSocket %1").arg(id);
    }
    QString status = held.isEmpty() ? (flavour == Flavour::Bsd ? tr("Holds no descriptor.") : tr("Holds no socket."))
                                    : tr("Holds %1.").arg(held.join(QStringLiteral(", ")).toHtmlEscaped());
    if (pending >= 0)
        status += QStringLiteral("<br>")
            + tr("<b>Blocked in %1</b>: like a single-threaded program, it can make no other call until that one "
                 "returns.")
                  .arg(shortCall(trace->callRecord(trace->at(pending))).toHtmlEscaped());
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
        for (QPushButton *b : buttons)
            b->setEnabled(false);
    }
    m_arguments->setEnabled(false);
    int step = m_asOfStep;
    if (step < 0 && !trace->steps().empty())
        step = end <= 0 ? 0 : trace->stepOfEvent(end - 1) + 1;
    if (trace->steps().empty())
        m_asOf->setText(tr("<i>As recorded — no lab runs: the calls need the two kernels.</i>"));
    else if (step <= 0)
        m_asOf->setText(tr("<i>As recorded, before the first step — take over (T) to make calls.</i>"));
    else
        m_asOf->setText(tr("<i>As recorded at step %1 — take over (T) to make calls.</i>").arg(step));
    m_asOf->show();
}

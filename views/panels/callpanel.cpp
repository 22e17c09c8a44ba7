// SPDX-License-Identifier: GPL-3.0-or-later
#include "callpanel.h"
#include "diagram/diagramrenderer.h"

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
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTcpSocket>
#include <QTextDocumentFragment>
#include <QVBoxLayout>
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <netinet/tcp.h>
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

// The result line, the same whether the call was made now or is read from a recording: the call's
// one text (EventText::callText, as the diagram and the details write it); a failed call is marked
// ✗ with its errno in red and what the errno means.
QString returnHtml(const CallRecord &call, const CallRecord &ret)
{
    QString text = EventText::callText(call, &ret, 60).toHtmlEscaped();
    if (ret.err) {
        const QString meaning = errnoText(ret.err).mid(errnoName(ret.err).size()).trimmed();
        text = QStringLiteral("<span style='color:%1'><b>✗</b> %2 <b>%3</b></span>")
                   .arg(DiagramRenderer::errorColorForApplication().name(), text, meaning.toHtmlEscaped());
    } else if (!ret.hasResult && EventText::handedOver(ret).isEmpty() && ret.detail.isEmpty()) {
        text += u' ' + CallPanel::tr("(returns nothing)").toHtmlEscaped();
    }
    return text;
}

// What a label shows: its text as rich text when the label reads it so, else the text itself.
QString shownText(const QLabel *label)
{
    const bool rich = label->textFormat() == Qt::RichText
        || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    return rich ? QTextDocumentFragment::fromHtml(label->text()).toPlainText() : label->text();
}

QString blocksHtml(const CallRecord &call)
{
    return CallPanel::tr("%1: the program waits for its kernel.")
        .arg(EventText::callText(call, nullptr).toHtmlEscaped());
}
} // namespace

CallPanel::CallPanel(Side side, QWidget *parent)
    : QWidget(parent)
    , m_side(side)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_title = new QLabel(this);
    layout->addWidget(m_title);
    m_asOf = new QLabel(this);
    m_asOf->setWordWrap(true);
    m_asOf->hide();
    layout->addWidget(m_asOf);

    // The descriptor or Qt socket every call but socket() works on; the settings each call takes
    // are beside its button, on the flavour's page.
    m_arguments = new QWidget(this);
    auto *form = new QFormLayout(m_arguments);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fd = new QComboBox(this);
    m_fd->setToolTip(tr("The descriptor the call works on: each with what it is (listening, connected to whom)"));
    m_fd->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_fd->setMinimumContentsLength(12);
    // The user's choice only, not the list rebuilt as descriptors come and go.
    connect(m_fd, &QComboBox::activated, this, &CallPanel::socketChosen);
    m_qtSocket = new QComboBox(this);
    m_qtSocket->setToolTip(tr("The QTcpSocket the call works on"));
    auto *sockets = new QWidget(this);
    auto *socketsLayout = new QHBoxLayout(sockets);
    socketsLayout->setContentsMargins(0, 0, 0, 0);
    socketsLayout->addWidget(m_fd);
    socketsLayout->addWidget(m_qtSocket);
    form->addRow(tr("Socket"), sockets);
    layout->addWidget(m_arguments);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(makePage(Flavour::Bsd));
    m_pages->addWidget(makePage(Flavour::Qt));
    showAddresses(Lab::address(4, Side::Client), Lab::address(4, Side::Server)); // until a lab is set
    layout->addWidget(m_pages);
    // The two flavours' ports and data are one setting each, shown on the page of the flavour.
    for (QSpinBox *const *boxes : {m_ownPort, m_peerPort}) {
        connect(boxes[0], &QSpinBox::valueChanged, boxes[1], &QSpinBox::setValue);
        connect(boxes[1], &QSpinBox::valueChanged, boxes[0], &QSpinBox::setValue);
    }
    connect(m_data[0], &QLineEdit::textChanged, m_data[1], &QLineEdit::setText);
    connect(m_data[1], &QLineEdit::textChanged, m_data[0], &QLineEdit::setText);

    m_interrupt = new QPushButton(tr("Interrupt"), this);
    m_interrupt->setObjectName(QStringLiteral("interrupt"));
    m_interrupt->setFocusPolicy(Qt::TabFocus);
    m_interrupt->installEventFilter(this);
    m_interrupt->hide();
    connect(m_interrupt, &QPushButton::clicked, this, &CallPanel::interrupt);
    layout->addWidget(m_interrupt);

    // Both are HTML (escaped call texts, a red ✗): "write(4, &quot;hi&quot;, 2)" must not show its
    // entities because nothing else in it looks like a tag.
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_result = new QLabel(this);
    m_result->setTextFormat(Qt::RichText);
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
    // One row per call with what it takes beside it; calls that take nothing share a row.
    auto *page = new QWidget(this);
    auto *rows = new QVBoxLayout(page);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(3);
    const auto row = [rows](std::initializer_list<QWidget *> widgets) {
        auto *line = new QHBoxLayout;
        line->setSpacing(4);
        for (QWidget *w : widgets)
            line->addWidget(w);
        line->addStretch(1);
        rows->addLayout(line);
    };
    const auto label = [page](const QString &text) { return new QLabel(text, page); };
    const auto portBox = [this, page](const QString &tip) {
        auto *box = new QSpinBox(page);
        box->setRange(0, 65535);
        box->setValue(kDefaultPort);
        box->setToolTip(tip);
        m_settings << box;
        return box;
    };
    const int f = int(flavour);
    m_ownPort[f] = portBox({});
    m_peerPort[f] = portBox({});
    m_data[f] = new QLineEdit(QStringLiteral("hello"), page);
    m_data[f]->setToolTip(tr("Bytes to write"));
    m_settings << m_data[f];
    using Op = SocketCall::Op;
    if (flavour == Flavour::Bsd) {
        row({callButton(page, Op::Socket), callButton(page, Op::Listen), callButton(page, Op::Accept)});
        row({callButton(page, Op::Bind), m_ownAddress[f] = label({}), m_ownPort[f]});
        row({callButton(page, Op::Connect), m_peerAddress[f] = label({}), m_peerPort[f]});
        row({callButton(page, Op::Write), m_data[f], callButton(page, Op::Read)});
        m_how = new QComboBox(page);
        for (const SocketCall::Choice &how : SocketCall::of(Op::Shutdown).arg(u"how")->choices)
            m_how->addItem(QString::fromLatin1(how.name));
        m_how->setCurrentText(QStringLiteral("SHUT_WR"));
        m_how->setToolTip(tr("shutdown(): which direction to close; SHUT_WR sends a FIN and keeps reading"));
        m_settings << m_how;
        row({callButton(page, Op::Close), callButton(page, Op::Shutdown), m_how});
        const auto onBox = [this, page](const QString &option) {
            auto *box = new QCheckBox(tr("on"), page);
            box->setChecked(true);
            box->setToolTip(tr("%1 on or off").arg(option));
            m_optionOn.insert(option, box);
            m_settings << box;
            return box;
        };
        m_linger = new QSpinBox(page);
        m_linger->setRange(0, 3600);
        m_linger->setSuffix(tr(" s"));
        m_linger->setToolTip(tr("SO_LINGER time; 0 makes close() send a RST instead of a FIN (abortive close)"));
        m_settings << m_linger;
        const QString linger = QStringLiteral("SO_LINGER"), reuse = QStringLiteral("SO_REUSEADDR"),
                      noDelay = QStringLiteral("TCP_NODELAY");
        row({callButton(page, Op::SetSockOpt, linger), onBox(linger), m_linger});
        row({callButton(page, Op::SetSockOpt, reuse), onBox(reuse), callButton(page, Op::SetSockOpt, noDelay),
             onBox(noDelay)});
        // Keep-alive: on or off, then its two times and its count, each a number beside its button.
        const auto valueBox = [this, page](const QString &option, int value, const QString &suffix) {
            auto *box = new QSpinBox(page);
            box->setRange(1, 3600);
            box->setValue(value);
            box->setSuffix(suffix);
            box->setToolTip(tr("The value setsockopt(%1) sets").arg(option));
            m_optionValue.insert(option, box);
            m_settings << box;
            return box;
        };
        const QString keepAlive = QStringLiteral("SO_KEEPALIVE"), idle = QStringLiteral("TCP_KEEPIDLE"),
                      interval = QStringLiteral("TCP_KEEPINTVL"), count = QStringLiteral("TCP_KEEPCNT");
        // One a row: the panel stays as narrow as its widest row before (lecture mode keeps its width).
        row({callButton(page, Op::SetSockOpt, keepAlive), onBox(keepAlive)});
        row({callButton(page, Op::SetSockOpt, idle), valueBox(idle, 1, tr(" s"))});
        row({callButton(page, Op::SetSockOpt, interval), valueBox(interval, 1, tr(" s"))});
        row({callButton(page, Op::SetSockOpt, count), valueBox(count, 2, QString())});
    } else {
        row({callButton(page, Op::QtListen), m_ownAddress[f] = label({}), m_ownPort[f]});
        row({callButton(page, Op::QtConnectToHost), m_peerAddress[f] = label({}), m_peerPort[f]});
        row({callButton(page, Op::QtNextPendingConnection)});
        row({callButton(page, Op::QtWrite), m_data[f], callButton(page, Op::QtRead)});
        row({callButton(page, Op::QtDisconnectFromHost), callButton(page, Op::QtClose), callButton(page, Op::QtAbort)});
    }
    // The table and the page agree: every call (and option) has its button.
    for (const SocketCall &call : SocketCall::all()) {
        if (call.flavour != flavour) continue;
        if (const SocketCall::Arg *option = call.arg(u"option")) {
            for (const SocketCall::Choice &c : option->choices)
                Q_ASSERT(m_buttons[f].contains(QString::fromLatin1(c.name)));
        } else {
            Q_ASSERT(m_buttons[f].contains(call.name));
        }
    }
    return page;
}

QPushButton *CallPanel::callButton(QWidget *page, SocketCall::Op op, const QString &option)
{
    const SocketCall &call = SocketCall::of(op);
    if (!option.isEmpty()) {
        for (const SocketCall::Choice &c : call.arg(u"option")->choices) {
            if (option == QLatin1StringView(c.name))
                return addButton(page, call, option, option, QCoreApplication::translate("SocketCall", c.summary));
        }
    }
    return addButton(page, call, call.name, buttonText(call.shortFn()), call.summaryText());
}

QPushButton *CallPanel::addButton(QWidget *page, const SocketCall &socketCall, const QString &name, const QString &text,
                                  const QString &tip)
{
    auto &buttons = m_buttons[int(socketCall.flavour)];
    auto *button = new QPushButton(text, page);
    button->setObjectName(name);
    const QKeySequence key = shortcut(m_side, name);
    button->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    // Keyboard focus stays where it is: Space must step the lesson, not press a button; Tab reaches
    // it, and Return then presses it (eventFilter()).
    button->setFocusPolicy(Qt::TabFocus);
    button->installEventFilter(this);
    buttons.insert(name, Button {button, &socketCall, socketCall.arg(u"option") ? name : QString(), text});
    connect(button, &QPushButton::clicked, this, [this, name] { press(name); });
    return button;
}

std::span<const CallPanel::CallKey> CallPanel::callKeys()
{
    // The letters of the calls a by-hand demonstration makes; the side's letter goes first.
    static const CallKey keys[] = {
        {'S', "socket", nullptr},
        {'B', "bind", nullptr},
        {'L', "listen", "listen"},
        {'C', "connect", "connectToHost"},
        {'A', "accept", "nextPendingConnection"},
        {'W', "write", "write"},
        {'R', "read", "read"},
        {'H', "shutdown", nullptr},
        {'D', nullptr, "disconnectFromHost"},
        {'X', "close", "close"},
    };
    return keys;
}

QKeySequence CallPanel::shortcut(Side side, const QString &name)
{
    for (const CallKey &k : callKeys()) {
        if ((k.bsd && name == QLatin1StringView(k.bsd)) || (k.qt && name == QLatin1StringView(k.qt)))
            return QKeySequence(side == Side::Client ? Qt::Key_C : Qt::Key_S, Qt::Key(k.key));
    }
    return {};
}

bool CallPanel::pressKey(char key)
{
    for (const CallKey &k : callKeys()) {
        const char *name = m_flavour == Flavour::Bsd ? k.bsd : k.qt;
        if (k.key != key || !name) continue;
        QPushButton *b = button(QString::fromLatin1(name));
        if (!b || !b->isEnabled()) return false;
        b->click();
        return true;
    }
    return false;
}

bool CallPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Return on a focused call button presses it, as in a dialog (a button outside one does not).
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto *b = qobject_cast<QPushButton *>(watched);
        if (b && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier
            && b->isEnabled()) {
            b->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CallPanel::press(const QString &name)
{
    const Button b = m_buttons[int(m_flavour)].value(name);
    // accept() works on the listener whatever is selected: with another socket selected and no
    // connection waiting, it would block, and the program with it, until a client connects.
    if (b.call && b.call->op == SocketCall::Op::Accept && m_lab && !m_asOfTrace) {
        const int listener = listeningFd(), selected = currentFd();
        if (listener >= 0 && selected >= 0 && listener != selected && blocksNow(*b.call)) {
            const auto answer = QMessageBox::question(
                this, tr("accept() would block"),
                tr("fd %1 is selected, but accept() takes a connection from the listener, fd %2 — and none is "
                   "waiting, so the program would block until a client connects (Interrupt ends the wait).\n\n"
                   "Call accept(%2) anyway?")
                    .arg(selected)
                    .arg(listener),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
            if (answer != QMessageBox::Yes) return;
        }
    }
    call(name);
}

bool CallPanel::interrupt()
{
    if (!m_lab || m_asOfTrace || m_flavour != Flavour::Bsd) return false;
    BsdHost *bsd = m_lab->bsd(m_side);
    const QString in = bsd->blockedIn();
    const bool connecting = in == u"connect()";
    if (!bsd->interrupt()) return false;
    m_interrupted = connecting
        ? tr("%1 interrupted: EINTR. The kernel goes on with the handshake; a second connect() says EALREADY "
             "while it does, EISCONN once it is done.")
              .arg(in)
        : tr("%1 interrupted: EINTR, as a signal ends a blocking call. The kernel's socket is as it was.").arg(in);
    refresh();
    return true;
}

void CallPanel::showAddresses(const QString &client, const QString &server)
{
    const QString here = m_side == Side::Client ? client : server;
    const QString there = m_side == Side::Client ? server : client;
    m_title->setText(
        QStringLiteral("<b>%1</b> %2")
            .arg(m_side == Side::Client ? tr("Client program") : tr("Server program"), tr("on %1").arg(here)));
    for (int f = 0; f < 2; ++f) {
        // bind() names its address, QTcpServer::listen() the one it listens on.
        if (m_ownAddress[f])
            m_ownAddress[f]->setText((Flavour(f) == Flavour::Qt ? tr("on %1 :") : tr("to %1 :")).arg(here));
        if (m_peerAddress[f]) m_peerAddress[f]->setText(tr("to %1 :").arg(there));
        if (m_ownPort[f])
            m_ownPort[f]->setToolTip(tr("The port of this host (%1) the socket is bound to or listens on").arg(here));
        if (m_peerPort[f]) m_peerPort[f]->setToolTip(tr("The port on the other host (%1) to connect to").arg(there));
    }
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
    if (lab) showAddresses(lab->address(Side::Client), lab->address(Side::Server));
    m_listenFds.clear();
    m_connectTo.clear();
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
}

void CallPanel::showAsOf(const Trace *trace, qsizetype endEvent, int step)
{
    m_lab = nullptr;
    m_listenFds.clear();
    m_scanned = 0;
    disconnect(m_asOfTraceGone);
    m_asOfTrace = trace;
    if (trace) {
        // The recording's hosts, over the IP version it was made on.
        if (trace->info().fromLab()) showAddresses(trace->info().clientAddress, trace->info().serverAddress);
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
    return shownText(m_result);
}

QString CallPanel::statusText() const
{
    return shownText(m_status);
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
    m_interrupted.clear();
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
        case SocketCall::ArgType::Port: // a port of this host to bind or listen on, or the other's to connect to
            args.insert(arg.name,
                        (b.call->op == SocketCall::Op::Bind || b.call->op == SocketCall::Op::QtListen
                             ? m_ownPort
                             : m_peerPort)[int(m_flavour)]
                            ->value());
            break;
        case SocketCall::ArgType::Text:
            args.insert(arg.name, m_data[int(m_flavour)]->text());
            break;
        case SocketCall::ArgType::OneOf:
            args.insert(arg.name, arg.name == u"how" ? m_how->currentText() : b.option);
            break;
        case SocketCall::ArgType::Int:
            if (arg.name == u"linger")
                args.insert(arg.name, m_linger->value());
            else if (arg.name == u"value" && m_optionValue.contains(b.option)) // a time or a count
                args.insert(arg.name, m_optionValue.value(b.option)->value());
            else if (arg.name == u"onoff" || arg.name == u"value") // CallMaker reads what its option takes
                args.insert(arg.name, m_optionOn.value(b.option) && m_optionOn.value(b.option)->isChecked() ? 1 : 0);
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
        m_result->setText(QStringLiteral("<span style='color:%1'>%2</span>")
                              .arg(DiagramRenderer::errorColorForApplication().name(), refusal.toHtmlEscaped()));
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
        m_connectTo.clear();
    }
    if (!trace) return;
    for (; m_scanned < trace->size(); ++m_scanned) {
        const Event &e = trace->at(m_scanned);
        if (e.kind == EventKind::Call && e.side == m_side && trace->callRecord(e).fn == u"connect") {
            // Where a socket is connecting to: the kernel names no peer before the handshake ends.
            const QJsonObject &args = trace->callRecord(e).args;
            m_connectTo.insert(args.value(u"fd").toInt(-1),
                               EventText::addressWithPort(args.value(u"addr").toString(), args.value(u"port").toInt()));
        }
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
        emit buttonsChanged();
        return;
    }
    m_asOf->hide();
    m_arguments->setEnabled(true);
    for (QWidget *w : std::as_const(m_settings))
        w->setEnabled(true);
    const bool ready = m_lab && m_lab->isReady();
    scanTrace();
    updateSockets();
    updateBlocking();
    const BsdHost *bsd = ready ? m_lab->bsd(m_side) : nullptr;
    const bool blocked = bsd && m_flavour == Flavour::Bsd && bsd->isBlocked();
    for (const Button &b : std::as_const(m_buttons[int(m_flavour)]))
        b.button->setEnabled(ready && !blocked);
    m_interrupt->setVisible(blocked);
    m_interrupt->setEnabled(false);
    if (blocked) {
        m_interrupt->setText(tr("Interrupt %1").arg(bsd->blockedIn()));
        m_interrupt->setEnabled(bsd->canInterrupt());
        m_interrupt->setToolTip(
            bsd->canInterrupt()
                ? tr("End the call as a signal would: it returns -1 with errno EINTR, and the program can make "
                     "other calls again")
                : tr("close() with SO_LINGER waits in the kernel, on a thread of its own, until the peer has "
                     "acknowledged everything or the linger time is over; Linux releases the descriptor whatever a "
                     "signal does, so there is nothing to interrupt: deliver the peer's ACK or wait"));
    }
    if (!ready)
        m_status->setText(tr("No lab: the calls need the two kernels."));
    else if (blocked)
        m_status->setText(tr("<b>Blocked in %1</b>: like a single-threaded program, it can make no other call until "
                             "that one returns.")
                              .arg(bsd->blockedIn()));
    else
        m_status->setText(m_interrupted.toHtmlEscaped());
    emit buttonsChanged();
}

bool CallPanel::chosenSocket(quint16 &localPort, quint16 &remotePort) const
{
    if (!m_lab || isAsOf() || m_flavour != Flavour::Bsd) return false;
    const int fd = currentFd();
    if (fd < 0) return false;
    sockaddr_in sa {};
    socklen_t len = sizeof sa;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len) != 0 || sa.sin_port == 0) return false;
    localPort = ntohs(sa.sin_port);
    remotePort = 0;
    if (m_listenFds.contains(fd)) return true;
    sockaddr_in peer {};
    len = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) != 0) return false;
    remotePort = ntohs(peer.sin_port);
    return true;
}

QString CallPanel::socketRole(int fd) const
{
    // The lab's descriptors are this process's: the kernel says what each is.
    sockaddr_in sa {};
    socklen_t len = sizeof sa;
    const bool named = ::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len) == 0 && sa.sin_port != 0;
    const int port = ntohs(sa.sin_port);
    if (m_listenFds.contains(fd)) return tr("listening on :%1").arg(port);
    sockaddr_in peer {};
    len = sizeof peer;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &len) == 0) {
        char text[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &peer.sin_addr, text, sizeof text);
        return tr("connected to %1:%2").arg(QString::fromLatin1(text)).arg(ntohs(peer.sin_port));
    }
    tcp_info info {};
    len = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) == 0 && info.tcpi_state == TCP_SYN_SENT
        && m_connectTo.contains(fd))
        return tr("connecting to %1").arg(m_connectTo.value(fd));
    return named ? tr("bound to :%1").arg(port) : tr("new");
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
                m_fd->addItem(tr("fd %1").arg(fd), fd);
            const int i = m_fd->findData(keep);
            m_fd->setCurrentIndex(i >= 0 ? i : m_fd->count() - 1);
        }
        // What each is changes as its connection does: "fd 4 — connected to 10.0.0.1:53442".
        for (int i = 0; i < m_fd->count(); ++i) {
            const int fd = m_fd->itemData(i).toInt();
            m_fd->setItemText(i, tr("fd %1 — %2").arg(fd).arg(socketRole(fd)));
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
    QHash<int, QString> role; // what each descriptor is, as the live list says it
    QHash<int, int> boundPort;
    QHash<int, QString> peer; // what connect() was called to
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
            const CallRecord &c = trace->callRecord(e);
            if (c.fn == u"connect") {
                const int fd = c.args.value(u"fd").toInt(-1);
                peer.insert(
                    fd, EventText::addressWithPort(c.args.value(u"addr").toString(), c.args.value(u"port").toInt()));
                role.insert(fd, tr("connecting to %1").arg(peer.value(fd)));
            }
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
        if (call->op == Op::Bind && !r.err && r.result == 0) {
            boundPort.insert(callArg(r, u"fd"), callArg(r, u"port"));
            role.insert(callArg(r, u"fd"), tr("bound to :%1").arg(callArg(r, u"port")));
        } else if (call->op == Op::Connect && r.result == 0 && !r.err) {
            role.insert(callArg(r, u"fd"), tr("connected to %1").arg(peer.value(callArg(r, u"fd"))));
        } else if (call->op == Op::Accept && !r.err && r.result >= 0) {
            // accept() records its peer; a trace made otherwise may not have it.
            role.insert(int(r.result), r.detail.isEmpty() ? tr("connected") : tr("connected to %1").arg(r.detail));
        }
        if (call->makes == SocketCall::Makes::Result) {
            if (!r.err && r.result >= 0 && !held.contains(int(r.result))) held << int(r.result);
        } else if (call->makes == SocketCall::Makes::RecordedSocket) {
            const int id = callArg(r, u"socket");
            if (!r.err && id >= 0 && !held.contains(id)) held << id;
        } else if (call->op == Op::Listen) {
            const int fd = callArg(r, u"fd");
            if (!r.err && r.result == 0 && !listening.contains(fd)) listening << fd;
            if (!r.err && r.result == 0) role.insert(fd, tr("listening on :%1").arg(boundPort.value(fd)));
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
    const auto fdText = [&](int fd) {
        // A descriptor the recording says nothing more of (no bind, no connect) is a new socket.
        return tr("fd %1 — %2").arg(fd).arg(role.value(fd, tr("new")));
    };
    m_fd->clear();
    for (int fd : std::as_const(fds))
        m_fd->addItem(fdText(fd), fd);
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
            held << fdText(fd);
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
    for (QWidget *w : std::as_const(m_settings))
        w->setEnabled(false);
    m_interrupt->hide();
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

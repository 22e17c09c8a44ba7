// SPDX-License-Identifier: GPL-3.0-or-later
#include "runpage.h"

#include "diagram/diagramrenderer.h"
#include "diagram/diagramview.h"
#include "run/session.h"
#include "theme.h"
#include "trace/stepcaption.h"
#include "trace/trace.h"

#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <cerrno>

RunPage::RunPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_view = new DiagramView(this);
    m_view->setTrace(session->trace());
    layout->addWidget(m_view, 1);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setMargin(8);
    m_caption->setMinimumHeight(m_caption->fontMetrics().height() * 3);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_caption->setAutoFillBackground(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->installEventFilter(this);
    layout->addWidget(m_caption);
}

QString RunPage::captionText() const
{
    return m_caption->text();
}

void RunPage::setCaptionText(const QString &text)
{
    m_caption->setText(text);
}

void RunPage::updateCaption()
{
    QString text = m_session->caption(m_view->isAtLiveEnd());
    if (text.isNull()) {
        const int step = m_view->currentStep();
        qsizetype event =
            step >= 0 && step < m_view->stepCount() && m_view->renderer() ? m_view->renderer()->eventOfStep(step) : -1;
        const Trace &trace = *m_session->trace();
        // A blocked call interrupted before anything else happened returns on its call's row: the
        // row's caption says how the call ended (-1 EINTR), not only that it was made.
        if (event >= 0) {
            const qsizetype end =
                step + 1 < m_view->stepCount() ? m_view->renderer()->eventOfStep(step + 1) : trace.size();
            for (qsizetype i = event; i < end && i < trace.size(); ++i) {
                const Event &e = trace.at(i);
                if (e.kind == EventKind::Return && trace.callRecord(e).err == EINTR) {
                    event = i;
                    break;
                }
            }
        }
        if (event >= 0)
            text = StepCaption::describe(trace, m_session->labels(), event, m_numbers);
        else if (m_session->isLabReady() && trace.isEmpty())
            text = tr("Make a call on either side — socket(), bind(), listen() on the server, then connect() on the "
                      "client — or choose a scenario. Space steps.");
    }
    // A step that ends with a segment held on the wire says so, and what moves it on: otherwise
    // the student waits for something that only they can do.
    const Session::Mode mode = m_session->mode();
    if (!text.isEmpty() && m_waitingSend >= 0 && !m_session->isAsking()) {
        QString held;
        // Taken over, Space goes on with the scenario; only Deliver hands the segment on.
        if (mode == Session::Mode::Live && m_view->isAtLiveEnd() && m_session->isScenarioRunning())
            held = tr("— held on the wire: Deliver hands it on, Space goes on with the scenario.");
        else if (mode == Session::Mode::Live && m_view->isAtLiveEnd())
            held = tr("— held on the wire: press Space or Deliver.");
        else if (mode == Session::Mode::Playback)
            held = heldInPlayback();
        if (!held.isEmpty()) text += u' ' + held; // the step's own words stay as they are
    }
    m_caption->setText(text);
}

QString RunPage::heldInPlayback()
{
    return tr("— held on the wire: press Space to go on.");
}

void RunPage::setWaitingSend(qsizetype sendEvent)
{
    if (sendEvent == m_waitingSend) return;
    m_waitingSend = sendEvent;
    updateCaption();
}

void RunPage::setOptions(const DiagramOptions &options, bool lecture)
{
    m_numbers = options.numbers;
    m_view->setOptions(options);
    QFont captionFont = font();
    captionFont.setPointSizeF(lecture ? options.fontPointSize * 1.3 : font().pointSizeF() * 1.15);
    m_caption->setFont(captionFont);
    fitCaptionHeight();
    m_caption->setPalette(Theme::captionPalette(options.theme, m_caption->palette()));
}

void RunPage::revealPlaybackStep(int step, bool animate)
{
    // Step k shows everything up to the last event of step k (of the steps before, when it made none).
    const DiagramRenderer *renderer = m_view->renderer();
    const int steps = int(m_session->trace()->steps().size());
    m_view->setQuestionFromRow(m_session->isAsking() && renderer ? renderer->firstRowOfTraceStep(step - 1) : -1);
    m_view->revealThrough(step > 0 && renderer ? renderer->lastRowOfTraceStep(std::min(step, steps) - 1) : -1, animate);
    updateCaption();
}

void RunPage::fitCaptionHeight()
{
    const QFontMetrics metrics(m_caption->font());
    const int width = std::max(100, m_caption->width() - 2 * m_caption->margin() - 4);
    int lines = metrics.lineSpacing() * 3;
    if (m_session->mode() == Session::Mode::Playback) {
        for (int k = 1; k <= int(m_session->trace()->steps().size()); ++k) {
            // Room for the words a step that holds a segment adds, whichever steps do.
            const QString text = m_session->stepCaption(k) + u' ' + heldInPlayback();
            lines = std::max(lines, metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, text).height());
        }
    }
    const int height = lines + 2 * m_caption->margin() + 4;
    if (m_caption->minimumHeight() != height) m_caption->setMinimumHeight(height);
}

bool RunPage::eventFilter(QObject *watched, QEvent *event)
{
    // A caption of another width wraps into another number of lines.
    if (watched == m_caption && event->type() == QEvent::Resize
        && static_cast<QResizeEvent *>(event)->oldSize().width() != m_caption->width())
        fitCaptionHeight();
    return QWidget::eventFilter(watched, event);
}

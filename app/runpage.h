// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram/diagramoptions.h"

#include <QWidget>

class DiagramView;
class QLabel;
class Session;

// The page of a run: the sequence diagram, and under it the caption that says in plain words what
// is shown — the session's text while it has one (recording, a step of a playback, a live
// scenario), otherwise the view's current step described from the trace.
class RunPage : public QWidget {
    Q_OBJECT
public:
    explicit RunPage(Session *session, QWidget *parent = nullptr);

    DiagramView *view() const { return m_view; }
    QString captionText() const;
    void setCaptionText(const QString &text); // until the next update: an error, a fresh lab
    void updateCaption();
    // The Send of the segment held on the wire that is delivered next (-1: none held): the
    // caption says the wire waits for the user.
    void setWaitingSend(qsizetype sendEvent);
    // The diagram's options; the caption's font follows (in lecture mode as large as the diagram's)
    // and its colours continue the diagram's theme.
    void setOptions(const DiagramOptions &options, bool lecture);
    // Playback: steps 1…step revealed (animated), a question's segments without their labels.
    void revealPlaybackStep(int step, bool animate);
    // Room for three lines, and in a playback for its longest caption: the diagram keeps its place.
    void fitCaptionHeight();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static QString heldInPlayback(); // what a played-back step that holds a segment adds

    Session *m_session;
    DiagramView *m_view = nullptr;
    QLabel *m_caption = nullptr;
    NumberStyle m_numbers = NumberStyle::Symbolic;
    qsizetype m_waitingSend = -1;
};

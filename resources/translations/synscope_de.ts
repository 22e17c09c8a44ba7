<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SynScope</source>
        <translation>Über SynScope</translation>
    </message>
    <message>
        <source>no lab</source>
        <translation>kein Labor</translation>
    </message>
    <message>
        <source>Linux %1</source>
        <translation>Linux %1</translation>
    </message>
    <message>
        <source>no lab (%1)</source>
        <translation>kein Labor (%1)</translation>
    </message>
    <message>
        <source>Linux %1 (no lab running now)</source>
        <translation>Linux %1 (gerade läuft kein Labor)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;SynScope %1&lt;/h2&gt;&lt;p&gt;Shows which socket call produces which TCP segment: a client and a server make real calls on two real Linux TCP stacks joined by a wire you hold, drawn as the textbook&apos;s sequence diagram. It also opens saved traces and pcap captures.&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 at run time, built with %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Lab kernel&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Licence&lt;/td&gt;&lt;td&gt;GPL-3.0-or-later&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h2&gt;SynScope %1&lt;/h2&gt;&lt;p&gt;Zeigt, welcher Socket-Aufruf welches TCP-Segment erzeugt: Ein Client und ein Server rufen echte Funktionen auf zwei echten Linux-TCP-Stacks auf, verbunden durch eine Leitung, die Sie in der Hand haben, gezeichnet als das Sequenzdiagramm des Lehrbuchs. Es öffnet auch gespeicherte Traces und pcap-Mitschnitte.&lt;/p&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2 zur Laufzeit, gebaut mit %3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Labor-Kernel&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Lizenz&lt;/td&gt;&lt;td&gt;GPL-3.0-or-later&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>AnalysisText</name>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>duplicate ACK</source>
        <translation>doppeltes ACK</translation>
    </message>
    <message>
        <source>zero-window probe</source>
        <translation>Zero-Window-Probe</translation>
    </message>
    <message>
        <source>zero-window probe ACK</source>
        <translation>ACK auf Zero-Window-Probe</translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation>Keep-Alive</translation>
    </message>
    <message>
        <source>keep-alive ACK</source>
        <translation>Keep-Alive-ACK</translation>
    </message>
    <message>
        <source>zero window</source>
        <translation>Nullfenster</translation>
    </message>
    <message>
        <source>window update</source>
        <translation>Fensteraktualisierung</translation>
    </message>
    <message>
        <source>window full</source>
        <translation>Fenster voll</translation>
    </message>
    <message>
        <source>previous segment not captured</source>
        <translation>vorheriges Segment nicht mitgeschnitten</translation>
    </message>
    <message>
        <source>ACKed unseen segment</source>
        <translation>ACK für nicht gesehenes Segment</translation>
    </message>
    <message>
        <source>port numbers reused</source>
        <translation>Portnummern wiederverwendet</translation>
    </message>
    <message>
        <source>fast retransmission</source>
        <translation>Fast Retransmission</translation>
    </message>
    <message>
        <source>spurious retransmission</source>
        <translation>unnötige Sendewiederholung</translation>
    </message>
    <message>
        <source>retransmission</source>
        <translation>Sendewiederholung</translation>
    </message>
    <message>
        <source>%1 sends %2 again at once — a fast retransmission: the peer kept acknowledging only up to this segment (duplicate ACKs), which says it was lost while later ones arrived, so the sender does not wait for its retransmission timer.</source>
        <translation>%1 sendet %2 sofort noch einmal – eine Fast Retransmission: Die Gegenseite hat immer nur bis zu diesem Segment bestätigt (doppelte ACKs); das heißt, es ging verloren, während spätere ankamen, also wartet der Sender nicht auf seinen Wiederholungs-Timer.</translation>
    </message>
    <message>
        <source>%1 sends %2 again although the peer has already acknowledged it — a spurious retransmission: the ACK was late or lost on its way back, and the data is sent twice for nothing.</source>
        <translation>%1 sendet %2 noch einmal, obwohl die Gegenseite es schon bestätigt hat – eine unnötige Sendewiederholung: Das ACK kam zu spät oder ging auf dem Rückweg verloren, und die Daten werden umsonst zweimal gesendet.</translation>
    </message>
    <message>
        <source>%1 sends %2 again — a retransmission: the capture saw this data before, and no ACK came for it in time, so the sender&apos;s retransmission timer ran out.</source>
        <translation>%1 sendet %2 noch einmal – eine Sendewiederholung: Der Mitschnitt hat diese Daten schon gesehen, und kein ACK kam rechtzeitig, also ist der Wiederholungs-Timer des Senders abgelaufen.</translation>
    </message>
    <message>
        <source>%1 sends %2 after data further on, soon after it — out of order: the network delivered the segments in another order than they were sent.</source>
        <translation>%1 sendet %2 nach späteren Daten, kurz nach ihnen – außer der Reihe: Das Netz hat die Segmente in anderer Reihenfolge zugestellt, als sie gesendet wurden.</translation>
    </message>
    <message>
        <source>%1 sends %2, a single byte although the peer&apos;s window is 0 — a zero-window probe: when its persist timer runs out the sender asks this way whether the window has opened.</source>
        <translation>%1 sendet %2, ein einzelnes Byte, obwohl das Fenster der Gegenseite 0 ist – eine Zero-Window-Probe: Wenn sein Persist-Timer abläuft, fragt der Sender so, ob sich das Fenster geöffnet hat.</translation>
    </message>
    <message>
        <source>%1 sends %2 — a zero-window probe ACK: its window is still 0, the probe&apos;s byte is not taken.</source>
        <translation>%1 sendet %2 – ein ACK auf eine Zero-Window-Probe: Sein Fenster ist noch 0, das Byte der Probe wird nicht angenommen.</translation>
    </message>
    <message>
        <source>%1 sends %2 — a keep-alive: nothing new, one byte before what the peer expects, which the peer must answer; the connection has been idle, and the sender checks that the peer is still there.</source>
        <translation>%1 sendet %2 – ein Keep-Alive: nichts Neues, ein Byte vor dem, was die Gegenseite erwartet, und das muss sie beantworten; die Verbindung war untätig, und der Sender prüft, ob die Gegenseite noch da ist.</translation>
    </message>
    <message>
        <source>%1 sends %2 — a keep-alive ACK: the same ACK and window as before, to say it is still there.</source>
        <translation>%1 sendet %2 – ein Keep-Alive-ACK: dasselbe ACK und Fenster wie zuvor, um zu sagen, dass es noch da ist.</translation>
    </message>
    <message>
        <source>%1 sends %2 again — a duplicate ACK: a segment arrived, but not the one it waits for, so it repeats what it still expects; after three of them the sender resends at once (fast retransmission).</source>
        <translation>%1 sendet %2 noch einmal – ein doppeltes ACK: Ein Segment kam an, aber nicht das erwartete, also wiederholt es, was es noch erwartet; nach drei davon sendet der Sender sofort erneut (Fast Retransmission).</translation>
    </message>
    <message>
        <source>%1 sends %2 — a zero window: its receive buffer is full (the program does not read), and the peer must stop sending data.</source>
        <translation>%1 sendet %2 – ein Nullfenster: Sein Empfangspuffer ist voll (das Programm liest nicht), und die Gegenseite muss aufhören, Daten zu senden.</translation>
    </message>
    <message>
        <source>%1 sends %2 — a window update: no data and no new ACK, only a new receive window, because its program has read data and there is room again.</source>
        <translation>%1 sendet %2 – eine Fensteraktualisierung: keine Daten und kein neues ACK, nur ein neues Empfangsfenster, weil sein Programm Daten gelesen hat und wieder Platz ist.</translation>
    </message>
    <message>
        <source>%1 sends %2 — window full: the data reaches the edge of the peer&apos;s receive window, and the sender may send no more until the peer acknowledges some or opens its window.</source>
        <translation>%1 sendet %2 – Fenster voll: Die Daten reichen bis an den Rand des Empfangsfensters der Gegenseite, und der Sender darf nichts mehr senden, bis die Gegenseite etwas bestätigt oder ihr Fenster öffnet.</translation>
    </message>
    <message>
        <source>%1 sends %2 — previous segment not captured: the data before it never passed the capture point (lost on the way there, or missed by the capture).</source>
        <translation>%1 sendet %2 – vorheriges Segment nicht mitgeschnitten: Die Daten davor kamen nie am Mitschnittpunkt vorbei (auf dem Weg dorthin verloren oder vom Mitschnitt verpasst).</translation>
    </message>
    <message>
        <source>%1 sends %2 — an ACKed unseen segment: it acknowledges data the capture never saw, which reached the peer by a way the capture did not see, or which the capture missed.</source>
        <translation>%1 sendet %2 – ein ACK für ein nicht gesehenes Segment: Es bestätigt Daten, die der Mitschnitt nie gesehen hat; sie erreichten die Gegenseite auf einem Weg, den der Mitschnitt nicht sah, oder der Mitschnitt hat sie verpasst.</translation>
    </message>
    <message>
        <source>%1 sends %2 — port numbers reused: a new connection, with a new initial sequence number, on the ports of an earlier one.</source>
        <translation>%1 sendet %2 – Portnummern wiederverwendet: eine neue Verbindung mit einer neuen Anfangssequenznummer auf den Ports einer früheren.</translation>
    </message>
    <message>
        <source>Wireshark also marks it: %1.</source>
        <translation>Wireshark markiert es außerdem: %1.</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>standard output</source>
        <translation>Standardausgabe</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>kann %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>es ist ein Verzeichnis</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>no reader on the FIFO (start the reader first)</source>
        <translation>kein Leser an der FIFO (starten Sie zuerst den Leser)</translation>
    </message>
    <message>
        <source>this export makes %1 files, and standard output takes one: give a file name</source>
        <translation>dieser Export erzeugt %1 Dateien, und die Standardausgabe nimmt nur eine: Geben Sie einen Dateinamen an</translation>
    </message>
    <message>
        <source>it is not a regular file, and a set of %1 files is written to regular files only</source>
        <translation>es ist keine reguläre Datei, und eine Reihe von %1 Dateien wird nur in reguläre Dateien geschrieben</translation>
    </message>
</context>
<context>
    <name>BsdHost</name>
    <message>
        <source>The lab is not running.</source>
        <translation>Das Labor läuft nicht.</translation>
    </message>
    <message>
        <source>The %1 program is blocked in %2: like a single-threaded C program, it can make no other call until that one returns.</source>
        <translation>Das %1-Programm ist in %2 blockiert: Wie ein C-Programm mit nur einem Thread kann es keinen anderen Aufruf machen, bis dieser zurückkehrt.</translation>
    </message>
</context>
<context>
    <name>BuiltinScenarios</name>
    <message>
        <source>unknown scenario &apos;%1&apos;: neither a built-in id (see --list-scenarios) nor a file</source>
        <translation>unbekanntes Szenario „%1“: weder eine eingebaute Kennung (siehe --list-scenarios) noch eine Datei</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Verbindungsabbau</translation>
    </message>
    <message>
        <source>Loss and recovery</source>
        <translation>Verlust und Wiederherstellung</translation>
    </message>
    <message>
        <source>Flow and timers</source>
        <translation>Flusssteuerung und Timer</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>A whole connection</source>
        <translation>Eine ganze Verbindung</translation>
    </message>
</context>
<context>
    <name>CallPanel</name>
    <message>
        <source>(returns nothing)</source>
        <translation>(gibt nichts zurück)</translation>
    </message>
    <message>
        <source>Client program</source>
        <translation>Client-Programm</translation>
    </message>
    <message>
        <source>Server program</source>
        <translation>Server-Programm</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
    <message>
        <source>The QTcpSocket the call works on</source>
        <translation>Der QTcpSocket, auf dem der Aufruf arbeitet</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Bytes to write</source>
        <translation>Zu schreibende Bytes</translation>
    </message>
    <message>
        <source>shutdown(): which direction to close; SHUT_WR sends a FIN and keeps reading</source>
        <translation>shutdown(): welche Richtung geschlossen wird; SHUT_WR sendet ein FIN und liest weiter</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>SO_LINGER time; 0 makes close() send a RST instead of a FIN (abortive close)</source>
        <translation>SO_LINGER-Zeit; 0 lässt close() ein RST statt eines FIN senden (abbrechender Verbindungsabbau)</translation>
    </message>
    <message>
        <source>The lab is not running.</source>
        <translation>Das Labor läuft nicht.</translation>
    </message>
    <message>
        <source>No lab: the calls need the two kernels.</source>
        <translation>Kein Labor: Die Aufrufe brauchen die beiden Kernel.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Blocked in %1&lt;/b&gt;: like a single-threaded program, it can make no other call until that one returns.</source>
        <translation>&lt;b&gt;Blockiert in %1&lt;/b&gt;: Wie ein Programm mit nur einem Thread kann es keinen anderen Aufruf machen, bis dieser zurückkehrt.</translation>
    </message>
    <message>
        <source>fd %1</source>
        <translation>fd %1</translation>
    </message>
    <message>
        <source>QTcpSocket %1</source>
        <translation>QTcpSocket %1</translation>
    </message>
    <message>
        <source>%1 — blocks</source>
        <translation>%1 – blockiert</translation>
    </message>
    <message>
        <source>a QTcpServer listening on port %1</source>
        <translation>ein QTcpServer, der auf Port %1 lauscht</translation>
    </message>
    <message>
        <source>Holds no descriptor.</source>
        <translation>Hält keinen Deskriptor.</translation>
    </message>
    <message>
        <source>Holds no socket.</source>
        <translation>Hält keinen Socket.</translation>
    </message>
    <message>
        <source>Holds %1.</source>
        <translation>Hält %1.</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded — no lab runs: the calls need the two kernels.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet – kein Labor läuft: Die Aufrufe brauchen die beiden Kernel.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded, before the first step — take over (T) to make calls.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet, vor dem ersten Schritt – übernehmen Sie (T), um Aufrufe zu machen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded at step %1 — take over (T) to make calls.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet bei Schritt %1 – übernehmen Sie (T), um Aufrufe zu machen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1: the program waits for its kernel.</source>
        <translation>%1: Das Programm wartet auf seinen Kernel.</translation>
    </message>
    <message>
        <source>The descriptor the call works on: each with what it is (listening, connected to whom)</source>
        <translation>Der Deskriptor, auf dem der Aufruf arbeitet: jeder mit dem, was er ist (lauschend, mit wem verbunden)</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Unterbrechen</translation>
    </message>
    <message>
        <source>The port of this host (%1) the socket is bound to or listens on</source>
        <translation>Der Port dieses Hosts (%1), an den der Socket gebunden ist oder auf dem er lauscht</translation>
    </message>
    <message>
        <source>The port on the other host (%1) to connect to</source>
        <translation>Der Port auf dem anderen Host (%1), mit dem verbunden wird</translation>
    </message>
    <message>
        <source>to %1 :</source>
        <translation>an %1 :</translation>
    </message>
    <message>
        <source>%1 on or off</source>
        <translation>%1 ein oder aus</translation>
    </message>
    <message>
        <source>on %1 :</source>
        <translation>auf %1 :</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>accept() would block</source>
        <translation>accept() würde blockieren</translation>
    </message>
    <message>
        <source>fd %1 is selected, but accept() takes a connection from the listener, fd %2 — and none is waiting, so the program would block until a client connects (Interrupt ends the wait).

Call accept(%2) anyway?</source>
        <translation>fd %1 ist ausgewählt, aber accept() nimmt eine Verbindung vom lauschenden Socket, fd %2 – und dort wartet keine, also würde das Programm blockieren, bis sich ein Client verbindet („Unterbrechen“ beendet das Warten).

accept(%2) trotzdem aufrufen?</translation>
    </message>
    <message>
        <source>%1 interrupted: EINTR. The kernel goes on with the handshake; a second connect() says EALREADY while it does, EISCONN once it is done.</source>
        <translation>%1 unterbrochen: EINTR. Der Kernel setzt den Drei-Wege-Handschlag fort; ein zweites connect() meldet währenddessen EALREADY, danach EISCONN.</translation>
    </message>
    <message>
        <source>%1 interrupted: EINTR, as a signal ends a blocking call. The kernel&apos;s socket is as it was.</source>
        <translation>%1 unterbrochen: EINTR, so wie ein Signal einen blockierenden Aufruf beendet. Der Socket im Kernel bleibt, wie er war.</translation>
    </message>
    <message>
        <source>Interrupt %1</source>
        <translation>%1 unterbrechen</translation>
    </message>
    <message>
        <source>End the call as a signal would: it returns -1 with errno EINTR, and the program can make other calls again</source>
        <translation>Den Aufruf beenden, wie es ein Signal täte: Er gibt -1 mit errno EINTR zurück, und das Programm kann wieder andere Aufrufe machen</translation>
    </message>
    <message>
        <source>close() with SO_LINGER waits in the kernel, on a thread of its own, until the peer has acknowledged everything or the linger time is over; Linux releases the descriptor whatever a signal does, so there is nothing to interrupt: deliver the peer&apos;s ACK or wait</source>
        <translation>close() mit SO_LINGER wartet im Kernel, in einem eigenen Thread, bis die Gegenseite alles bestätigt hat oder die Linger-Zeit vorbei ist; Linux gibt den Deskriptor frei, was auch immer ein Signal tut, also gibt es nichts zu unterbrechen: Stellen Sie das ACK der Gegenseite zu, oder warten Sie</translation>
    </message>
    <message>
        <source>listening on :%1</source>
        <translation>lauscht auf :%1</translation>
    </message>
    <message>
        <source>connected to %1:%2</source>
        <translation>verbunden mit %1:%2</translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>verbindet mit %1</translation>
    </message>
    <message>
        <source>bound to :%1</source>
        <translation>gebunden an :%1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>fd %1 — %2</source>
        <translation>fd %1 – %2</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>verbunden mit %1</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>The value setsockopt(%1) sets</source>
        <translation>Der Wert, den setsockopt(%1) setzt</translation>
    </message>
</context>
<context>
    <name>CaptionFields</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>no options</source>
        <translation>keine Optionen</translation>
    </message>
</context>
<context>
    <name>CaptionsDialog</name>
    <message>
        <source>Captions of the Steps</source>
        <translation>Bildunterschriften der Schritte</translation>
    </message>
    <message>
        <source>Each step of what you did becomes a step of the scenario, with this caption under the diagram. Double-click a caption (or select it and press F2) to say it in your words.</source>
        <translation>Jeder Schritt Ihres Vorgehens wird zu einem Schritt des Szenarios, mit dieser Bildunterschrift unter dem Diagramm. Doppelklicken Sie auf eine Bildunterschrift (oder wählen Sie sie aus und drücken Sie F2), um sie in Ihren eigenen Worten zu sagen.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <source>Save as Scenario…</source>
        <translation>Als Szenario speichern …</translation>
    </message>
</context>
<context>
    <name>CaptureImport</name>
    <message>
        <source>; the file is cut or damaged there: SynScope read the frame before it</source>
        <translation>; die Datei ist dort abgeschnitten oder beschädigt: SynScope hat den Frame davor gelesen</translation>
    </message>
    <message>
        <source>; the file is cut or damaged there: SynScope read the %1 frames before it</source>
        <translation>; die Datei ist dort abgeschnitten oder beschädigt: SynScope hat die %1 Frames davor gelesen</translation>
    </message>
    <message>
        <source>%1 holds no TCP connection</source>
        <translation>%1 enthält keine TCP-Verbindung</translation>
    </message>
    <message>
        <source>%1 holds no TCP connection SynScope can show: %2</source>
        <translation>%1 enthält keine TCP-Verbindung, die SynScope zeigen kann: %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>no capture is open</source>
        <translation>kein Mitschnitt ist geöffnet</translation>
    </message>
    <message>
        <source>%1 has no TCP stream %2: its streams are numbered 0 to %3</source>
        <translation>%1 hat keinen TCP-Stream %2: Seine Streams sind von 0 bis %3 nummeriert</translation>
    </message>
    <message>
        <source>%1: TCP stream %2 is only quoted in ICMP error messages; the capture holds none of its segments</source>
        <translation>%1: TCP-Stream %2 wird nur in ICMP-Fehlermeldungen zitiert; der Mitschnitt enthält keines seiner Segmente</translation>
    </message>
</context>
<context>
    <name>CaptureReader</name>
    <message>
        <source>record %1 at byte %2</source>
        <translation>Datensatz %1 bei Byte %2</translation>
    </message>
    <message>
        <source>section header block at byte %1</source>
        <translation>Section Header Block bei Byte %1</translation>
    </message>
    <message>
        <source>interface description block at byte %1</source>
        <translation>Interface Description Block bei Byte %1</translation>
    </message>
    <message>
        <source>block of type %1 at byte %2</source>
        <translation>Block vom Typ %1 bei Byte %2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>kann %1 nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 is empty, not a capture</source>
        <translation>%1 ist leer, kein Mitschnitt</translation>
    </message>
    <message>
        <source>cannot map %1: %2</source>
        <translation>kann %1 nicht einblenden (mmap): %2</translation>
    </message>
    <message>
        <source>no capture file is open</source>
        <translation>keine Mitschnittdatei ist geöffnet</translation>
    </message>
    <message>
        <source>%1 is not a capture SynScope can read (libpcap: %2)</source>
        <translation>%1 ist kein Mitschnitt, den SynScope lesen kann (libpcap: %2)</translation>
    </message>
    <message>
        <source>%1: its frames are %2, which SynScope does not read (it reads %3)</source>
        <translation>%1: Seine Frames sind %2, was SynScope nicht liest (es liest %3)</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>%1: %2: cannot find the frame&apos;s bytes in the file</source>
        <translation>%1: %2: die Bytes des Frames sind in der Datei nicht zu finden</translation>
    </message>
    <message>
        <source>the file ends inside a block header (%1 bytes left)</source>
        <translation>die Datei endet in einem Block-Header (%1 Bytes übrig)</translation>
    </message>
    <message>
        <source>section header with an unknown byte-order magic</source>
        <translation>Section Header mit unbekannter Byte-Order-Kennung</translation>
    </message>
    <message>
        <source>block length %1 is not a multiple of 4 of at least 12</source>
        <translation>Blocklänge %1 ist kein Vielfaches von 4 und mindestens 12</translation>
    </message>
    <message>
        <source>block of %1 bytes, but only %2 are left: the file is truncated</source>
        <translation>Block von %1 Bytes, aber nur %2 sind übrig: Die Datei ist abgeschnitten</translation>
    </message>
    <message>
        <source>block length %1 at its start differs from %2 at its end</source>
        <translation>Blocklänge %1 am Anfang weicht von %2 am Ende ab</translation>
    </message>
    <message>
        <source>too short (%1 bytes)</source>
        <translation>zu kurz (%1 Bytes)</translation>
    </message>
    <message>
        <source>option %1 claims %2 bytes, but only %3 are left in the block</source>
        <translation>Option %1 beansprucht %2 Bytes, aber nur %3 sind im Block übrig</translation>
    </message>
    <message>
        <source>interface time resolution %1 is out of range</source>
        <translation>Zeitauflösung %1 der Schnittstelle liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>packet block too short (%1 bytes)</source>
        <translation>Paketblock zu kurz (%1 Bytes)</translation>
    </message>
    <message>
        <source>packet of interface %1, but the section describes %2 interfaces</source>
        <translation>Paket von Schnittstelle %1, aber der Abschnitt beschreibt %2 Schnittstellen</translation>
    </message>
    <message>
        <source>captured length %1 does not fit in its block of %2 bytes</source>
        <translation>mitgeschnittene Länge %1 passt nicht in ihren Block von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>CaptureSkips</name>
    <message>
        <source>VLAN tag</source>
        <translation>VLAN-Tag</translation>
    </message>
    <message>
        <source>MPLS</source>
        <translation>MPLS</translation>
    </message>
    <message>
        <source>PPPoE</source>
        <translation>PPPoE</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>GRE</source>
        <translation>GRE</translation>
    </message>
    <message>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <source>VXLAN</source>
        <translation>VXLAN</translation>
    </message>
    <message>
        <source>Geneve</source>
        <translation>Geneve</translation>
    </message>
    <message>
        <source>IPsec AH</source>
        <translation>IPsec AH</translation>
    </message>
    <message>
        <source>ERSPAN</source>
        <translation>ERSPAN</translation>
    </message>
    <message>
        <source>1 IP fragment</source>
        <translation>1 IP-Fragment</translation>
    </message>
    <message>
        <source>%1 IP fragments</source>
        <translation>%1 IP-Fragmente</translation>
    </message>
    <message>
        <source>1 frame</source>
        <translation>1 Frame</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 Frames</translation>
    </message>
    <message>
        <source>record %1 at byte %2</source>
        <translation>Datensatz %1 bei Byte %2</translation>
    </message>
    <message>
        <source>the capture kept only %1 of the frame&apos;s %2 bytes (its snap length), which cuts the %3 header</source>
        <translation>der Mitschnitt hat nur %1 der %2 Bytes des Frames behalten (seine Snap-Länge), was den %3-Header abschneidet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 cut by the snap length inside their headers; the first, %2: %3</source>
        <translation>%1 durch die Snap-Länge in ihren Headern abgeschnitten; der erste, %2: %3</translation>
    </message>
    <message>
        <source>of %1, which SynScope does not read (it reads %2)</source>
        <translation>von %1, was SynScope nicht liest (es liest %2)</translation>
    </message>
    <message>
        <source>that ends inside its %1 header</source>
        <translation>der in seinem %1-Header endet</translation>
    </message>
    <message>
        <source>that end inside their %1 header</source>
        <translation>die in ihrem %1-Header enden</translation>
    </message>
    <message>
        <source>with a malformed %1 header</source>
        <translation>mit fehlerhaftem %1-Header</translation>
    </message>
    <message>
        <source>of IEEE 802.11 whose payload is protected (encrypted)</source>
        <translation>von IEEE 802.11, deren Nutzdaten geschützt (verschlüsselt) sind</translation>
    </message>
    <message>
        <source>of IEEE 802.11 aggregates (A-MSDU), which SynScope does not take apart</source>
        <translation>von IEEE-802.11-Aggregaten (A-MSDU), die SynScope nicht zerlegt</translation>
    </message>
    <message>
        <source>of fragmented IEEE 802.11 frames, which SynScope does not reassemble</source>
        <translation>von fragmentierten IEEE-802.11-Frames, die SynScope nicht zusammensetzt</translation>
    </message>
    <message>
        <source>of PPP with compressed or encrypted datagrams, which SynScope does not expand</source>
        <translation>von PPP mit komprimierten oder verschlüsselten Datagrammen, die SynScope nicht entpackt</translation>
    </message>
    <message>
        <source>in GRE tunnels with source routing, which SynScope does not decode</source>
        <translation>in GRE-Tunneln mit Source-Routing, die SynScope nicht dekodiert</translation>
    </message>
    <message>
        <source>in GRE tunnels carrying protocol %1, which SynScope does not decode</source>
        <translation>in GRE-Tunneln mit Protokoll %1, das SynScope nicht dekodiert</translation>
    </message>
    <message>
        <source>in Geneve tunnels carrying protocol %1, which SynScope does not decode</source>
        <translation>in Geneve-Tunneln mit Protokoll %1, das SynScope nicht dekodiert</translation>
    </message>
    <message>
        <source>of IPsec ESP, whose payload is encrypted</source>
        <translation>von IPsec ESP, deren Nutzdaten verschlüsselt sind</translation>
    </message>
    <message>
        <source>of TCP behind an IPsec AH header in IPv4, which SynScope does not decode</source>
        <translation>von TCP hinter einem IPsec-AH-Header in IPv4, die SynScope nicht dekodiert</translation>
    </message>
    <message>
        <source>of MPLS whose payload is neither IP nor Ethernet</source>
        <translation>von MPLS, deren Nutzdaten weder IP noch Ethernet sind</translation>
    </message>
    <message>
        <source>of datagrams whose other fragments never came</source>
        <translation>von Datagrammen, deren andere Fragmente nie kamen</translation>
    </message>
    <message>
        <source>left out: more datagrams waited for their other fragments than SynScope keeps (64 MiB)</source>
        <translation>ausgelassen: mehr Datagramme warteten auf ihre anderen Fragmente, als SynScope vorhält (64 MiB)</translation>
    </message>
    <message>
        <source>cut by the snap length, whose datagrams cannot be reassembled</source>
        <translation>durch die Snap-Länge abgeschnitten, deren Datagramme sich nicht zusammensetzen lassen</translation>
    </message>
    <message>
        <source>whose time is out of range (before 1678 or after 2262)</source>
        <translation>deren Zeit außerhalb des gültigen Bereichs liegt (vor 1678 oder nach 2262)</translation>
    </message>
    <message>
        <source>%1 %2 (%3%4)</source>
        <translation>%1 %2 (%3%4)</translation>
    </message>
    <message>
        <source>the first: </source>
        <translation>der erste: </translation>
    </message>
</context>
<context>
    <name>ControlStrip</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Deliver next</source>
        <translation>Nächstes zustellen</translation>
    </message>
    <message>
        <source>Deliver the oldest segment held on the wire</source>
        <translation>Das älteste auf der Leitung festgehaltene Segment zustellen</translation>
    </message>
    <message>
        <source>Drop →</source>
        <translation>Verwerfen →</translation>
    </message>
    <message>
        <source>Drop the oldest segment held on its way to the server</source>
        <translation>Das älteste Segment verwerfen, das auf dem Weg zum Server festgehalten wird</translation>
    </message>
    <message>
        <source>Drop ←</source>
        <translation>Verwerfen ←</translation>
    </message>
    <message>
        <source>Drop the oldest segment held on its way to the client</source>
        <translation>Das älteste Segment verwerfen, das auf dem Weg zum Client festgehalten wird</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>closed with FIN</source>
        <translation>mit FIN geschlossen</translation>
    </message>
    <message>
        <source>reset (RST)</source>
        <translation>zurückgesetzt (RST)</translation>
    </message>
    <message>
        <source>still open when the capture ends</source>
        <translation>noch offen, als der Mitschnitt endet</translation>
    </message>
    <message>
        <source>The capture starts after the handshake: the client is the first sender, numbers are relative.</source>
        <translation>Der Mitschnitt beginnt nach dem Verbindungsaufbau: Der Client ist der erste Sender, die Nummern sind relativ.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
</context>
<context>
    <name>ConversationPicker</name>
    <message>
        <source>Choose a TCP connection</source>
        <translation>TCP-Verbindung wählen</translation>
    </message>
    <message>
        <source>Filter: address, port, FIN, RST, open…</source>
        <translation>Filter: Adresse, Port, FIN, RST, offen …</translation>
    </message>
    <message>
        <source>Choose a TCP connection of %1</source>
        <translation>TCP-Verbindung von %1 wählen</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>The selected event in one line: its label in the diagram, then its numbers</source>
        <translation>Das gewählte Ereignis in einer Zeile: seine Beschriftung im Diagramm, dann seine Zahlen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Every field of the selected segment or call</source>
        <translation>Jedes Feld des gewählten Segments oder Aufrufs</translation>
    </message>
    <message>
        <source>The segment&apos;s bytes as the kernel sent them (IP header first)</source>
        <translation>Die Bytes des Segments, wie der Kernel sie gesendet hat (IP-Header zuerst)</translation>
    </message>
    <message>
        <source>What the event means, as the caption under the diagram says it</source>
        <translation>Was das Ereignis bedeutet, wie es die Bildunterschrift unter dem Diagramm sagt</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 (relative %2)</source>
        <translation>%1 (relativ %2)</translation>
    </message>
    <message>
        <source>Select a segment or a call in the diagram to see its details.</source>
        <translation>Wählen Sie ein Segment oder einen Aufruf im Diagramm, um seine Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>%1 (a RST&apos;s window means nothing)</source>
        <translation>%1 (das Fenster eines RST bedeutet nichts)</translation>
    </message>
    <message>
        <source>%1 ×%2 = %3 bytes</source>
        <translation>%1 ×%2 = %3 Bytes</translation>
    </message>
    <message>
        <source>window %1 ×%2 = %3</source>
        <translation>Fenster %1 ×%2 = %3</translation>
    </message>
    <message>
        <source>%1 bytes (a SYN&apos;s window is never scaled)</source>
        <translation>%1 Bytes (das Fenster eines SYN wird nie skaliert)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>window %1</source>
        <translation>Fenster %1</translation>
    </message>
    <message>
        <source>%1 (scale unknown: the connection&apos;s SYNs were not seen)</source>
        <translation>%1 (Skalierung unbekannt: Die SYNs der Verbindung wurden nicht gesehen)</translation>
    </message>
    <message>
        <source>window %1, scale unknown</source>
        <translation>Fenster %1, Skalierung unbekannt</translation>
    </message>
    <message>
        <source>seq %1</source>
        <translation>seq %1</translation>
    </message>
    <message>
        <source>ack %1</source>
        <translation>ack %1</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>data %1</source>
        <translation>Daten %1</translation>
    </message>
    <message>
        <source>1 byte of data</source>
        <translation>1 Byte Daten</translation>
    </message>
    <message>
        <source>%1 bytes of data</source>
        <translation>%1 Bytes Daten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>TCP, port %1 → %2</source>
        <translation>TCP, Port %1 → %2</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Acknowledgment number</source>
        <translation>Bestätigungsnummer</translation>
    </message>
    <message>
        <source>%1 (ACK not set)</source>
        <translation>%1 (ACK nicht gesetzt)</translation>
    </message>
    <message>
        <source>Next sequence number</source>
        <translation>Nächste Sequenznummer</translation>
    </message>
    <message>
        <source>Header length</source>
        <translation>Header-Länge</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Urgent pointer</source>
        <translation>Urgent-Zeiger</translation>
    </message>
    <message>
        <source>Payload length</source>
        <translation>Nutzdatenlänge</translation>
    </message>
    <message>
        <source>Sequence space used</source>
        <translation>Belegter Sequenzraum</translation>
    </message>
    <message>
        <source>TCP options (%1 bytes)</source>
        <translation>TCP-Optionen (%1 Bytes)</translation>
    </message>
    <message>
        <source>Maximum segment size</source>
        <translation>Maximale Segmentgröße</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>SACK erlaubt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Timestamp value</source>
        <translation>Zeitstempelwert</translation>
    </message>
    <message>
        <source>Timestamp echo reply</source>
        <translation>Zeitstempel-Echo</translation>
    </message>
    <message>
        <source>Window scale</source>
        <translation>Fensterskalierung</translation>
    </message>
    <message>
        <source>%1 (multiply by %2)</source>
        <translation>%1 (mal %2)</translation>
    </message>
    <message>
        <source>SACK block %1</source>
        <translation>SACK-Block %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Data (%1 bytes)</source>
        <translation>Daten (%1 Bytes)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Bytes kept</source>
        <translation>Behaltene Bytes</translation>
    </message>
    <message>
        <source>%1 of %2 (the capture cut the rest)</source>
        <translation>%1 von %2 (den Rest hat der Mitschnitt abgeschnitten)</translation>
    </message>
    <message>
        <source>none: the trace keeps no bytes of this segment</source>
        <translation>keine: Der Trace behält keine Bytes dieses Segments</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Gesendet von</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Gesendet um</translation>
    </message>
    <message>
        <source>Time on the wire</source>
        <translation>Zeit auf der Leitung</translation>
    </message>
    <message>
        <source>retransmission: its sender already sent this sequence range</source>
        <translation>Sendewiederholung: Sein Sender hat diesen Sequenzbereich schon gesendet</translation>
    </message>
    <message>
        <source>delivered ahead of an older segment still in flight</source>
        <translation>vor einem älteren, noch unterwegs befindlichen Segment zugestellt</translation>
    </message>
    <message>
        <source>a copy the wire made</source>
        <translation>eine Kopie, die die Leitung gemacht hat</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Wireshark&apos;s analysis</source>
        <translation>Analyse von Wireshark</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>none kept</source>
        <translation>keine behalten</translation>
    </message>
    <message>
        <source>%1 bytes, not parsed: %2</source>
        <translation>%1 Bytes, nicht ausgewertet: %2</translation>
    </message>
    <message>
        <source>IPv6, %1 → %2</source>
        <translation>IPv6, %1 → %2</translation>
    </message>
    <message>
        <source>%1 bytes (with extension headers)</source>
        <translation>%1 Bytes (mit Erweiterungs-Headern)</translation>
    </message>
    <message>
        <source>Traffic class</source>
        <translation>Traffic Class</translation>
    </message>
    <message>
        <source>Flow label</source>
        <translation>Flow Label</translation>
    </message>
    <message>
        <source>Hop limit</source>
        <translation>Hop Limit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>IPv4, %1 → %2</source>
        <translation>IPv4, %1 → %2</translation>
    </message>
    <message>
        <source>Type of service</source>
        <translation>Type of Service</translation>
    </message>
    <message>
        <source>Total length</source>
        <translation>Gesamtlänge</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifikation</translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation>Nicht fragmentieren</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Time to live</source>
        <translation>Time to Live</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>TCP (%1)</source>
        <translation>TCP (%1)</translation>
    </message>
    <message>
        <source>Header checksum</source>
        <translation>Header-Prüfsumme</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n times</source>
        <translation>
            <numerusform>%n-mal gesendet</numerusform>
            <numerusform>%n-mal gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy %1 (this one)</source>
        <translation>Kopie %1 (diese)</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Kopie %1</translation>
    </message>
    <message>
        <source>sent at %1</source>
        <translation>gesendet um %1</translation>
    </message>
    <message>
        <source>sent at %1, retransmission</source>
        <translation>gesendet um %1, Sendewiederholung</translation>
    </message>
    <message>
        <source>still held on the wire</source>
        <translation>wird noch auf der Leitung festgehalten</translation>
    </message>
    <message>
        <source>dropped at %1</source>
        <translation>verworfen um %1</translation>
    </message>
    <message>
        <source>delivered at %1, the first to get through</source>
        <translation>zugestellt um %1, das erste, das durchkam</translation>
    </message>
    <message>
        <source>delivered at %1, a duplicate for the receiver</source>
        <translation>zugestellt um %1, ein Duplikat für den Empfänger</translation>
    </message>
    <message>
        <source>%1() made by %2 itself (%3)</source>
        <translation>%1() von %2 selbst aufgerufen (%3)</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>descriptor %1</source>
        <translation>Deskriptor %1</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Gegenseite</translation>
    </message>
    <message>
        <source>Qt signal %1 (%2)</source>
        <translation>Qt-Signal %1 (%2)</translation>
    </message>
    <message>
        <source>Emitted inside</source>
        <translation>Ausgelöst in</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1 on the %2</source>
        <translation>%1 auf dem %2</translation>
    </message>
    <message>
        <source>Called at</source>
        <translation>Aufgerufen um</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>not yet: the call is blocked</source>
        <translation>noch nicht: Der Aufruf ist blockiert</translation>
    </message>
    <message>
        <source>Returned at</source>
        <translation>Zurückgekehrt um</translation>
    </message>
    <message>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <source>Blocked for</source>
        <translation>Blockiert für</translation>
    </message>
    <message>
        <source>%1&apos;s kernel: %2</source>
        <translation>%1-Kernel: %2</translation>
    </message>
    <message>
        <source>Local port</source>
        <translation>Lokaler Port</translation>
    </message>
    <message>
        <source>Remote port</source>
        <translation>Entfernter Port</translation>
    </message>
    <message>
        <source>deduced from the segments, not read from the kernel</source>
        <translation>aus den Segmenten abgeleitet, nicht vom Kernel gelesen</translation>
    </message>
    <message>
        <source>%1&apos;s kernel: timer %2</source>
        <translation>%1-Kernel: Timer %2</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Retransmissions so far</source>
        <translation>Bisherige Sendewiederholungen</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>%1&apos;s kernel: no timer pending</source>
        <translation>%1-Kernel: kein Timer aktiv</translation>
    </message>
    <message>
        <source>%1&apos;s kernel: %2, %3 ms left</source>
        <translation>%1-Kernel: %2, noch %3 ms</translation>
    </message>
    <message>
        <source>Signal %1 (%2)</source>
        <translation>Unix-Signal %1 (%2)</translation>
    </message>
    <message>
        <source>Lab: %1 (%2)</source>
        <translation>Labor: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DiagramRenderer</name>
    <message>
        <source>app</source>
        <translation>Anw.</translation>
    </message>
    <message>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>TIME_WAIT 2MSL</source>
        <translation>TIME_WAIT 2MSL</translation>
    </message>
    <message>
        <source>RTO</source>
        <translation>RTO</translation>
    </message>
    <message>
        <source>tail-loss probe</source>
        <translation>Tail-Loss-Probe</translation>
    </message>
    <message>
        <source>2MSL restarts</source>
        <translation>2MSL-Neustarts</translation>
    </message>
    <message>
        <source>copy %1 of %2</source>
        <translation>Kopie %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n still on the wire</source>
        <translation>
            <numerusform>%n noch auf der Leitung</numerusform>
            <numerusform>%n noch auf der Leitung</numerusform>
        </translation>
    </message>
    <message>
        <source>copy</source>
        <translation>Kopie</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>liefert</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>%1() by %2 → fd %3</source>
        <translation>%1() von %2 → fd %3</translation>
    </message>
    <message>
        <source> — emitted inside %1</source>
        <translation> – ausgelöst in %1</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>blockiert</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>libpcap cannot make a capture handle</source>
        <translation>libpcap kann kein Mitschnitt-Handle anlegen</translation>
    </message>
    <message>
        <source>cannot make an in-memory stream: %1</source>
        <translation>kann keinen Datenstrom im Speicher anlegen: %1</translation>
    </message>
    <message>
        <source>libpcap cannot start the file: %1</source>
        <translation>libpcap kann die Datei nicht beginnen: %1</translation>
    </message>
    <message>
        <source>libpcap could not write the capture</source>
        <translation>libpcap konnte den Mitschnitt nicht schreiben</translation>
    </message>
    <message>
        <source>client app</source>
        <translation>Client-Anw.</translation>
    </message>
    <message>
        <source>client TCP</source>
        <translation>Client-TCP</translation>
    </message>
    <message>
        <source>server TCP</source>
        <translation>Server-TCP</translation>
    </message>
    <message>
        <source>server app</source>
        <translation>Server-Anw.</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>Signal %1</translation>
    </message>
    <message>
        <source> (retransmission)</source>
        <translation> (Sendewiederholung)</translation>
    </message>
    <message>
        <source> (copy made by the wire)</source>
        <translation> (Kopie, von der Leitung gemacht)</translation>
    </message>
    <message>
        <source>wrote 1 slide image: %1</source>
        <translation>1 Folienbild geschrieben: %1</translation>
    </message>
    <message>
        <source>wrote %1 slide images, a question and an answer per step: %2</source>
        <translation>%1 Folienbilder geschrieben, eine Frage und eine Antwort je Schritt: %2</translation>
    </message>
    <message>
        <source>wrote %1 slide images, one per step: %2</source>
        <translation>%1 Folienbilder geschrieben, eines je Schritt: %2</translation>
    </message>
    <message>
        <source>the diagram has no steps to export</source>
        <translation>das Diagramm hat keine Schritte zum Exportieren</translation>
    </message>
    <message>
        <source>steps %1:%2 are not in the scenario, which has steps 1:%3</source>
        <translation>die Schritte %1:%2 sind nicht im Szenario, es hat die Schritte 1:%3</translation>
    </message>
    <message>
        <source>steps %1:%2 are not in the diagram, which has steps 1:%3</source>
        <translation>die Schritte %1:%2 sind nicht im Diagramm, es hat die Schritte 1:%3</translation>
    </message>
    <message>
        <source>a slide build of %1 steps would write %2 files; choose at most %3 steps (--steps FROM:TO)</source>
        <translation>eine Folienfolge von %1 Schritten würde %2 Dateien schreiben; wählen Sie höchstens %3 Schritte (--steps VON:BIS)</translation>
    </message>
    <message>
        <source>%1/%2  %3</source>
        <translation>%1/%2  %3</translation>
    </message>
    <message>
        <source>What does the kernel send now?</source>
        <translation>Was sendet der Kernel jetzt?</translation>
    </message>
    <message>
        <source>the PNG encoder failed: %1</source>
        <translation>der PNG-Kodierer ist gescheitert: %1</translation>
    </message>
    <message>
        <source>scale %1 is out of range (0 &lt; scale ≤ 16)</source>
        <translation>Skalierung %1 liegt außerhalb des gültigen Bereichs (0 &lt; Skalierung ≤ 16)</translation>
    </message>
    <message>
        <source>steps %1:%2 of the scenario recorded nothing to draw</source>
        <translation>die Schritte %1:%2 des Szenarios haben nichts zum Zeichnen aufgezeichnet</translation>
    </message>
    <message>
        <source>the diagram is too large for one image (%1 × %2 px); export it to a file, or choose fewer steps</source>
        <translation>das Diagramm ist zu groß für ein Bild (%1 × %2 px); exportieren Sie es in eine Datei, oder wählen Sie weniger Schritte</translation>
    </message>
    <message>
        <source>not enough memory for a %1 × %2 px image</source>
        <translation>nicht genug Speicher für ein Bild von %1 × %2 px</translation>
    </message>
    <message>
        <source>the diagram is %1 px wide at scale %2, more than an image can be (%3 px); use a smaller scale</source>
        <translation>das Diagramm ist bei Skalierung %2 %1 px breit, mehr als ein Bild sein kann (%3 px); wählen Sie eine kleinere Skalierung</translation>
    </message>
    <message>
        <source>one image per step would be %1 px tall, more than an image can be; choose fewer steps (--steps)</source>
        <translation>ein Bild je Schritt wäre %1 px hoch, mehr als ein Bild sein kann; wählen Sie weniger Schritte (--steps)</translation>
    </message>
    <message>
        <source>not enough memory for the image of slide %1</source>
        <translation>nicht genug Speicher für das Bild von Folie %1</translation>
    </message>
    <message>
        <source>the diagram with its captions would be %1 × %2 px, more than an image can be; use a smaller scale or fewer steps</source>
        <translation>das Diagramm mit seinen Bildunterschriften wäre %1 × %2 px groß, mehr als ein Bild sein kann; wählen Sie eine kleinere Skalierung oder weniger Schritte</translation>
    </message>
    <message>
        <source>wrote %1 tiles, top to bottom: %2 (the diagram is %3 px tall; one image stops at %4 px)</source>
        <translation>%1 Kacheln von oben nach unten geschrieben: %2 (das Diagramm ist %3 px hoch; ein Bild endet bei %4 px)</translation>
    </message>
    <message>
        <source>Sequence diagram drawn by SynScope from real Linux kernels</source>
        <translation>Sequenzdiagramm, von SynScope aus echten Linux-Kerneln gezeichnet</translation>
    </message>
    <message>
        <source>the diagram (%1 × %2 in) does not fit a PDF page (at most 200 in); choose fewer steps or the handout mode</source>
        <translation>das Diagramm (%1 × %2 in) passt auf keine PDF-Seite (höchstens 200 in); wählen Sie weniger Schritte oder den Handout-Modus</translation>
    </message>
    <message>
        <source>the PDF writer cannot start</source>
        <translation>der PDF-Schreiber kann nicht starten</translation>
    </message>
    <message>
        <source>wrote %1 pages, a question and an answer per step, to %2</source>
        <translation>%1 Seiten geschrieben, eine Frage und eine Antwort je Schritt, nach %2</translation>
    </message>
    <message>
        <source>wrote %1 pages, one per step, to %2</source>
        <translation>%1 Seiten geschrieben, eine je Schritt, nach %2</translation>
    </message>
    <message>
        <source>wrote %1 pages on %2 paper to %3</source>
        <translation>%1 Seiten auf %2-Papier nach %3 geschrieben</translation>
    </message>
    <message>
        <source>wrote %1 pages to %2 (the diagram is %3 in tall; a PDF page stops at 200 in)</source>
        <translation>%1 Seiten nach %2 geschrieben (das Diagramm ist %3 in hoch; eine PDF-Seite endet bei 200 in)</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG-Vektorbild</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>pcap capture (Wireshark)</source>
        <translation>pcap-Mitschnitt (Wireshark)</translation>
    </message>
    <message>
        <source>SynScope trace</source>
        <translation>SynScope-Trace</translation>
    </message>
    <message>
        <source>Mermaid sequence diagram</source>
        <translation>Mermaid-Sequenzdiagramm</translation>
    </message>
    <message>
        <source>PlantUML sequence diagram</source>
        <translation>PlantUML-Sequenzdiagramm</translation>
    </message>
    <message>
        <source>Plain-text flow</source>
        <translation>Ablauf als Klartext</translation>
    </message>
    <message>
        <source>one file per step is for png, svg and pdf, not %1</source>
        <translation>eine Datei je Schritt gibt es für png, svg und pdf, nicht für %1</translation>
    </message>
    <message>
        <source>a question slide goes before each step&apos;s slide: it needs one file or page per step</source>
        <translation>eine Frage-Folie steht vor der Folie jedes Schritts: Das braucht eine Datei oder Seite je Schritt</translation>
    </message>
    <message>
        <source>the trace is empty: there is no diagram to export</source>
        <translation>der Trace ist leer: Es gibt kein Diagramm zu exportieren</translation>
    </message>
    <message>
        <source>unknown export format</source>
        <translation>unbekanntes Exportformat</translation>
    </message>
    <message>
        <source>the trace is empty: there is no diagram to copy</source>
        <translation>der Trace ist leer: Es gibt kein Diagramm zu kopieren</translation>
    </message>
    <message>
        <source>there is no clipboard here</source>
        <translation>hier gibt es keine Zwischenablage</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>%1× (%2 dpi)</source>
        <translation>%1× (%2 dpi)</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>&amp;Skalierung:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>of 1 scenario step</source>
        <translation>von 1 Szenarioschritt</translation>
    </message>
    <message>
        <source>of %1 scenario steps</source>
        <translation>von %1 Szenarioschritten</translation>
    </message>
    <message>
        <source>of 1 step</source>
        <translation>von 1 Schritt</translation>
    </message>
    <message>
        <source>of %1 steps</source>
        <translation>von %1 Schritten</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>One image or page per step (slide build)</source>
        <translation>Ein Bild oder eine Seite je Schritt (Folienfolge)</translation>
    </message>
    <message>
        <source>A question slide before each step (its segments unlabelled)</source>
        <translation>Eine Frage-Folie vor jedem Schritt (seine Segmente unbeschriftet)</translation>
    </message>
    <message>
        <source>The steps&apos; captions as a numbered list beside the figure</source>
        <translation>Die Bildunterschriften der Schritte als nummerierte Liste neben der Abbildung</translation>
    </message>
    <message>
        <source>Light (projector)</source>
        <translation>Hell (Beamer)</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Symbolic (J, K+1)</source>
        <translation>Symbolisch (J, K+1)</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Relativ</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>Absolut</translation>
    </message>
    <message>
        <source>&amp;Numbers:</source>
        <translation>&amp;Nummern:</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Handout on paper pages</source>
        <translation>Handout auf Papierseiten</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Wählen Sie eine Datei für den Export.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>GuidedGoal</name>
    <message>
        <source>Open a connection: both sides ESTABLISHED</source>
        <translation>Eine Verbindung aufbauen: beide Seiten ESTABLISHED</translation>
    </message>
    <message>
        <source>Close it (four-way close)</source>
        <translation>Die Verbindung wieder abbauen (Vier-Wege-Abbau)</translation>
    </message>
    <message>
        <source>Make connect() fail (connection refused)</source>
        <translation>connect() scheitern lassen (Verbindung abgelehnt)</translation>
    </message>
    <message>
        <source>Send data and see it acknowledged</source>
        <translation>Daten senden und ihre Bestätigung sehen</translation>
    </message>
    <message>
        <source>The server listens, the client connects, and you carry the three segments of the handshake across the wire.</source>
        <translation>Der Server lauscht, der Client verbindet sich, und Sie tragen die drei Segmente des Drei-Wege-Handschlags über die Leitung.</translation>
    </message>
    <message>
        <source>Open a connection, then close it: the client closes first, the server reads end of file and closes too — two FINs, two ACKs, and the client ends in TIME_WAIT.</source>
        <translation>Eine Verbindung aufbauen und wieder abbauen: Der Client schließt zuerst, der Server liest Dateiende und schließt auch – zwei FINs, zwei ACKs, und der Client endet in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The client connects to a port where no program listens: the server&apos;s kernel answers with a reset, and connect() fails with ECONNREFUSED.</source>
        <translation>Der Client verbindet sich mit einem Port, auf dem kein Programm lauscht: Der Kernel des Servers antwortet mit einem Reset, und connect() scheitert mit ECONNREFUSED.</translation>
    </message>
    <message>
        <source>Open a connection, write a few bytes on the client, carry them across, see the server&apos;s kernel acknowledge them and the server program read them.</source>
        <translation>Eine Verbindung aufbauen, auf dem Client ein paar Bytes schreiben, sie hinübertragen und sehen, wie der Kernel des Servers sie bestätigt und das Server-Programm sie liest.</translation>
    </message>
    <message>
        <source>socket() asks the server&apos;s kernel for a new TCP socket and returns its descriptor. Nothing goes on the wire.</source>
        <translation>socket() bittet den Kernel des Servers um einen neuen TCP-Socket und gibt seinen Deskriptor zurück. Nichts geht auf die Leitung.</translation>
    </message>
    <message>
        <source>bind() gives the socket the server&apos;s address and port %1, where clients will connect. Still nothing on the wire.</source>
        <translation>bind() gibt dem Socket die Adresse des Servers und Port %1, mit dem sich Clients verbinden werden. Noch immer nichts auf der Leitung.</translation>
    </message>
    <message>
        <source>listen() makes the socket a listener (LISTEN): from now on the server&apos;s kernel answers SYNs for port %1 by itself.</source>
        <translation>listen() macht den Socket zum lauschenden Socket (LISTEN): Ab jetzt beantwortet der Kernel des Servers SYNs für Port %1 von selbst.</translation>
    </message>
    <message>
        <source>accept() blocks: the server program waits until a connection has completed its handshake. The kernel makes the handshake without it.</source>
        <translation>accept() blockiert: Das Server-Programm wartet, bis eine Verbindung ihren Drei-Wege-Handschlag abgeschlossen hat. Den Handschlag macht der Kernel ohne es.</translation>
    </message>
    <message>
        <source>The client asks its own kernel for a socket.</source>
        <translation>Der Client bittet seinen eigenen Kernel um einen Socket.</translation>
    </message>
    <message>
        <source>connect() sends a SYN and blocks: the segment waits on the wire until you deliver it.</source>
        <translation>connect() sendet ein SYN und blockiert: Das Segment wartet auf der Leitung, bis Sie es zustellen.</translation>
    </message>
    <message>
        <source>The SYN arrives at the server&apos;s kernel, which answers by itself with its own SYN and an ACK (SYN_RCVD); accept() keeps waiting.</source>
        <translation>Das SYN kommt beim Kernel des Servers an, der von selbst mit seinem eigenen SYN und einem ACK antwortet (SYN_RCVD); accept() wartet weiter.</translation>
    </message>
    <message>
        <source>The SYN+ACK arrives: the client&apos;s kernel enters ESTABLISHED, connect() returns 0, and the kernel sends the third segment, an ACK.</source>
        <translation>Das SYN+ACK kommt an: Der Kernel des Clients geht in ESTABLISHED, connect() gibt 0 zurück, und der Kernel sendet das dritte Segment, ein ACK.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server&apos;s kernel enters ESTABLISHED, and accept() returns a new descriptor for the connection.</source>
        <translation>Das ACK kommt an: Der Kernel des Servers geht in ESTABLISHED, und accept() gibt einen neuen Deskriptor für die Verbindung zurück.</translation>
    </message>
    <message>
        <source>close() returns at once; the client&apos;s kernel sends a FIN (FIN_WAIT_1): the client will send no more data.</source>
        <translation>close() kehrt sofort zurück; der Kernel des Clients sendet ein FIN (FIN_WAIT_1): Der Client wird keine Daten mehr senden.</translation>
    </message>
    <message>
        <source>The FIN arrives: the server&apos;s kernel acknowledges it at once and enters CLOSE_WAIT; its program will read end of file.</source>
        <translation>Das FIN kommt an: Der Kernel des Servers bestätigt es sofort und geht in CLOSE_WAIT; sein Programm wird Dateiende lesen.</translation>
    </message>
    <message>
        <source>The ACK arrives: the client&apos;s kernel enters FIN_WAIT_2 and waits for the server&apos;s FIN.</source>
        <translation>Das ACK kommt an: Der Kernel des Clients geht in FIN_WAIT_2 und wartet auf das FIN des Servers.</translation>
    </message>
    <message>
        <source>read() returns 0 at once: end of file, the client has closed its side. (You may skip this.)</source>
        <translation>read() gibt sofort 0 zurück: Dateiende, der Client hat seine Seite geschlossen. (Diesen Schritt dürfen Sie auslassen.)</translation>
    </message>
    <message>
        <source>close() on the accepted socket: the server&apos;s kernel sends its own FIN (LAST_ACK).</source>
        <translation>close() auf dem angenommenen Socket: Der Kernel des Servers sendet sein eigenes FIN (LAST_ACK).</translation>
    </message>
    <message>
        <source>The FIN arrives: the client&apos;s kernel acknowledges it and enters TIME_WAIT, where it stays for 2MSL (60 s on Linux).</source>
        <translation>Das FIN kommt an: Der Kernel des Clients bestätigt es und geht in TIME_WAIT, wo er 2MSL lang bleibt (unter Linux 60 s).</translation>
    </message>
    <message>
        <source>The last ACK arrives: the server&apos;s kernel forgets the connection (CLOSED).</source>
        <translation>Das letzte ACK kommt an: Der Kernel des Servers vergisst die Verbindung (CLOSED).</translation>
    </message>
    <message>
        <source>socket() asks the client&apos;s kernel for a new TCP socket. No program on the server listens on port %1.</source>
        <translation>socket() bittet den Kernel des Clients um einen neuen TCP-Socket. Auf dem Server lauscht kein Programm auf Port %1.</translation>
    </message>
    <message>
        <source>connect() sends a SYN to port %1 of the server and blocks: the segment waits on the wire until you deliver it.</source>
        <translation>connect() sendet ein SYN an Port %1 des Servers und blockiert: Das Segment wartet auf der Leitung, bis Sie es zustellen.</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel finds no socket listening on port %1 and answers with a reset (RST).</source>
        <translation>Das SYN kommt an: Der Kernel des Servers findet keinen Socket, der auf Port %1 lauscht, und antwortet mit einem Reset (RST).</translation>
    </message>
    <message>
        <source>The RST arrives: the client&apos;s kernel gives the connection up, and connect() returns -1 with errno ECONNREFUSED.</source>
        <translation>Das RST kommt an: Der Kernel des Clients gibt die Verbindung auf, und connect() gibt -1 mit errno ECONNREFUSED zurück.</translation>
    </message>
    <message>
        <source>write() copies the bytes into the client kernel&apos;s send buffer and returns at once; the kernel sends them in a segment.</source>
        <translation>write() kopiert die Bytes in den Sendepuffer des Client-Kernels und kehrt sofort zurück; der Kernel sendet sie in einem Segment.</translation>
    </message>
    <message>
        <source>The data arrives: the server&apos;s kernel keeps the bytes for its program and acknowledges them with an ACK.</source>
        <translation>Die Daten kommen an: Der Kernel des Servers hebt die Bytes für sein Programm auf und bestätigt sie mit einem ACK.</translation>
    </message>
    <message>
        <source>The ACK arrives: the client&apos;s kernel may forget the bytes now, the server has them.</source>
        <translation>Das ACK kommt an: Der Kernel des Clients darf die Bytes jetzt vergessen, der Server hat sie.</translation>
    </message>
    <message>
        <source>read() hands the server program the bytes its kernel holds.</source>
        <translation>read() übergibt dem Server-Programm die Bytes, die sein Kernel bereithält.</translation>
    </message>
    <message>
        <source>Client: %1()</source>
        <translation>Client: %1() aufrufen</translation>
    </message>
    <message>
        <source>Server: %1()</source>
        <translation>Server: %1() aufrufen</translation>
    </message>
    <message>
        <source>Wire: deliver the %1 to the server</source>
        <translation>Leitung: das %1 dem Server zustellen</translation>
    </message>
    <message>
        <source>Wire: deliver the %1 to the client</source>
        <translation>Leitung: das %1 dem Client zustellen</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Datensegment</translation>
    </message>
    <message>
        <source>Done: both sides are ESTABLISHED. Three segments opened the connection, and neither program sent one itself: the kernels did.</source>
        <translation>Geschafft: Beide Seiten sind ESTABLISHED. Drei Segmente haben die Verbindung aufgebaut, und keines der Programme hat selbst eines gesendet: Das waren die Kernel.</translation>
    </message>
    <message>
        <source>Done: four segments closed the connection, a FIN and an ACK each way. The server&apos;s socket is gone; the client&apos;s waits in TIME_WAIT for 2MSL, to answer a FIN sent again.</source>
        <translation>Geschafft: Vier Segmente haben die Verbindung abgebaut, ein FIN und ein ACK in jede Richtung. Der Socket des Servers ist weg; der des Clients wartet 2MSL lang in TIME_WAIT, um ein erneut gesendetes FIN zu beantworten.</translation>
    </message>
    <message>
        <source>Done: connect() failed with ECONNREFUSED. The RST told the client&apos;s kernel that no program listens on port %1.</source>
        <translation>Geschafft: connect() ist mit ECONNREFUSED gescheitert. Das RST hat dem Kernel des Clients gesagt, dass kein Programm auf Port %1 lauscht.</translation>
    </message>
    <message>
        <source>Done: the bytes crossed the wire, the server&apos;s kernel acknowledged them before its program read them, and read() handed them over.</source>
        <translation>Geschafft: Die Bytes sind über die Leitung gegangen, der Kernel des Servers hat sie bestätigt, bevor sein Programm sie gelesen hat, und read() hat sie übergeben.</translation>
    </message>
    <message>
        <source>You closed the client&apos;s socket before the answer to its SYN arrived: the kernel forgets the connection, so the RST finds no socket and connect() can no longer fail with ECONNREFUSED.</source>
        <translation>Sie haben den Socket des Clients geschlossen, bevor die Antwort auf sein SYN ankam: Der Kernel vergisst die Verbindung, also findet das RST keinen Socket, und connect() kann nicht mehr mit ECONNREFUSED scheitern.</translation>
    </message>
    <message>
        <source>You closed the client&apos;s socket before the SYN+ACK arrived: the kernel forgets the connection, and answers the SYN+ACK with RST when it arrives.</source>
        <translation>Sie haben den Socket des Clients geschlossen, bevor das SYN+ACK ankam: Der Kernel vergisst die Verbindung und beantwortet das SYN+ACK mit RST, wenn es ankommt.</translation>
    </message>
    <message>
        <source>You closed the server&apos;s listening socket before the handshake was complete: the kernel drops the connections waiting in its queues, and the client&apos;s next segment is answered with RST.</source>
        <translation>Sie haben den lauschenden Socket des Servers geschlossen, bevor der Handschlag vollständig war: Der Kernel verwirft die Verbindungen in seinen Warteschlangen, und das nächste Segment des Clients wird mit RST beantwortet.</translation>
    </message>
    <message>
        <source>You closed the %1&apos;s socket before the handshake was complete: its kernel ends the connection half-made, and the goal cannot be reached on it.</source>
        <translation>Sie haben den Socket auf dem %1 geschlossen, bevor der Handschlag vollständig war: Sein Kernel beendet die halb aufgebaute Verbindung, und auf ihr ist das Ziel nicht mehr zu erreichen.</translation>
    </message>
    <message>
        <source>You closed the server&apos;s side first: now the server makes the active close and will end in TIME_WAIT, not the client. The checklist has the client close first: start again to follow it, or go on by hand.</source>
        <translation>Sie haben zuerst die Seite des Servers geschlossen: Jetzt baut der Server aktiv ab und endet in TIME_WAIT, nicht der Client. Die Checkliste lässt den Client zuerst schließen: Fangen Sie neu an, um ihr zu folgen, oder machen Sie von Hand weiter.</translation>
    </message>
    <message>
        <source>You closed the %1&apos;s socket before the bytes were read: its kernel sends a FIN (a RST where unread data is thrown away), and the goal cannot be reached on this connection.</source>
        <translation>Sie haben den Socket auf dem %1 geschlossen, bevor die Bytes gelesen wurden: Sein Kernel sendet ein FIN (ein RST, wo ungelesene Daten weggeworfen werden), und auf dieser Verbindung ist das Ziel nicht mehr zu erreichen.</translation>
    </message>
    <message>
        <source>You called connect() before the server listens: if the SYN arrives before listen(), the server&apos;s kernel answers it with RST and connect() fails. Call listen() on the server before you deliver the SYN.</source>
        <translation>Sie haben connect() aufgerufen, bevor der Server lauscht: Kommt das SYN vor listen() an, beantwortet der Kernel des Servers es mit RST, und connect() scheitert. Rufen Sie listen() auf dem Server auf, bevor Sie das SYN zustellen.</translation>
    </message>
    <message>
        <source>The server calls listen(): if its socket listens on port %1 when the SYN arrives, the kernel answers with SYN+ACK and connect() succeeds instead of failing. Close the listener before you deliver the SYN, or start again.</source>
        <translation>Der Server ruft listen() auf: Lauscht sein Socket auf Port %1, wenn das SYN ankommt, antwortet der Kernel mit SYN+ACK, und connect() gelingt, statt zu scheitern. Schließen Sie den lauschenden Socket, bevor Sie das SYN zustellen, oder fangen Sie neu an.</translation>
    </message>
    <message>
        <source>%1() on the %2 is not a step of this goal; the checklist goes on from what the kernels do.</source>
        <translation>%1() auf dem %2 ist kein Schritt dieses Ziels; die Checkliste macht mit dem weiter, was die Kernel tun.</translation>
    </message>
    <message>
        <source>%1 was interrupted: it returns -1 EINTR, as after a signal.</source>
        <translation>%1 wurde unterbrochen: Es gibt -1 EINTR zurück, wie nach einem Signal.</translation>
    </message>
    <message>
        <source>The listener is as it was and its kernel still answers SYNs: call accept() again.</source>
        <translation>Der lauschende Socket ist unverändert, und sein Kernel beantwortet weiter SYNs: Rufen Sie accept() noch einmal auf.</translation>
    </message>
    <message>
        <source>The kernel goes on with the handshake all the same: the socket stays in SYN_SENT until the answer arrives.</source>
        <translation>Der Kernel setzt den Handschlag trotzdem fort: Der Socket bleibt in SYN_SENT, bis die Antwort ankommt.</translation>
    </message>
    <message>
        <source>Nothing was read: call read() again.</source>
        <translation>Es wurde nichts gelesen: Rufen Sie read() noch einmal auf.</translation>
    </message>
    <message>
        <source>%1 failed: -1, errno %2.</source>
        <translation>%1 ist gescheitert: -1, errno %2.</translation>
    </message>
    <message>
        <source>connect() failed with ECONNREFUSED: the SYN arrived while no socket listened on port %1, so the server&apos;s kernel answered with RST. Start again, and call listen() first.</source>
        <translation>connect() ist mit ECONNREFUSED gescheitert: Das SYN kam an, als kein Socket auf Port %1 lauschte, also hat der Kernel des Servers mit RST geantwortet. Fangen Sie neu an und rufen Sie zuerst listen() auf.</translation>
    </message>
    <message>
        <source>Another socket holds the port already (one in TIME_WAIT, or one bound before).</source>
        <translation>Ein anderer Socket belegt den Port schon (einer in TIME_WAIT oder einer, der vorher gebunden wurde).</translation>
    </message>
    <message>
        <source>The call does not fit what the socket is now: check the Socket box.</source>
        <translation>Der Aufruf passt nicht zu dem, was der Socket gerade ist: Prüfen Sie das Feld Socket.</translation>
    </message>
    <message>
        <source>The socket has no connection (not yet, or not any more).</source>
        <translation>Der Socket hat keine Verbindung (noch nicht oder nicht mehr).</translation>
    </message>
    <message>
        <source>listen() on a socket that was not bound: the kernel picked a free port at random, so nothing listens on port %1 and a SYN to it gets RST. Start again, and bind() first.</source>
        <translation>listen() auf einem Socket, der nicht gebunden war: Der Kernel hat zufällig einen freien Port gewählt, also lauscht nichts auf Port %1, und ein SYN dorthin bekommt RST. Fangen Sie neu an und rufen Sie zuerst bind() auf.</translation>
    </message>
    <message>
        <source>You closed the client&apos;s socket before the SYN+ACK arrived: the kernel answers it with RST.</source>
        <translation>Sie haben den Socket des Clients geschlossen, bevor das SYN+ACK ankam: Der Kernel beantwortet es mit RST.</translation>
    </message>
    <message>
        <source>No socket listened on port %1 when the SYN arrived: the server&apos;s kernel answered it with RST, and connect() fails with ECONNREFUSED once the RST arrives. Start again, and call listen() before you deliver the SYN.</source>
        <translation>Als das SYN ankam, lauschte kein Socket auf Port %1: Der Kernel des Servers hat es mit RST beantwortet, und connect() scheitert mit ECONNREFUSED, sobald das RST ankommt. Fangen Sie neu an und rufen Sie listen() auf, bevor Sie das SYN zustellen.</translation>
    </message>
    <message>
        <source>The %1&apos;s kernel sent a RST: it has no connection this segment belongs to (any more). The connection is gone.</source>
        <translation>Der Kernel auf dem %1 hat ein RST gesendet: Er hat keine Verbindung (mehr), zu der dieses Segment gehört. Die Verbindung ist weg.</translation>
    </message>
    <message>
        <source>The server&apos;s kernel answered the SYN with SYN+ACK: a socket listens on port %1, so connect() will succeed. Start again, and leave the server without listen().</source>
        <translation>Der Kernel des Servers hat das SYN mit SYN+ACK beantwortet: Ein Socket lauscht auf Port %1, also wird connect() gelingen. Fangen Sie neu an und lassen Sie den Server ohne listen().</translation>
    </message>
    <message>
        <source>You dropped the ACK. Nothing resends a bare ACK: the peer, still waiting for it, sends its own last segment again when its retransmission timer runs out, and that one is answered with the ACK again. Deliver it then.</source>
        <translation>Sie haben das ACK verworfen. Ein bloßes ACK sendet niemand erneut: Die Gegenseite, die noch darauf wartet, sendet ihr eigenes letztes Segment erneut, wenn ihr Wiederholungs-Timer abläuft, und das wird wieder mit dem ACK beantwortet. Stellen Sie es dann zu.</translation>
    </message>
    <message>
        <source>You dropped the %1: the %2&apos;s kernel does not know. When its retransmission timer runs out (about 1 s for a SYN) it sends the segment again: deliver that one.</source>
        <translation>Sie haben das %1 verworfen: Der Kernel auf dem %2 weiß es nicht. Wenn sein Wiederholungs-Timer abläuft (bei einem SYN nach etwa 1 s), sendet er das Segment erneut: Stellen Sie dieses zu.</translation>
    </message>
    <message>
        <source>The wire now holds two copies of the %1: the receiving kernel takes the first, and answers the second as a duplicate (with an ACK) or ignores it.</source>
        <translation>Die Leitung hält jetzt zwei Kopien des %1: Der empfangende Kernel nimmt die erste und beantwortet die zweite als Duplikat (mit einem ACK) oder übergeht sie.</translation>
    </message>
    <message>
        <source>You delivered the %1 ahead of an older segment still on the wire: a kernel takes segments in the order they arrive, and TCP puts data back in order by sequence number.</source>
        <translation>Sie haben das %1 vor einem älteren Segment zugestellt, das noch auf der Leitung ist: Ein Kernel nimmt Segmente in der Reihenfolge, in der sie ankommen, und TCP ordnet Daten nach der Sequenznummer wieder.</translation>
    </message>
</context>
<context>
    <name>GuidedPanel</name>
    <message>
        <source>Start the Goal Again</source>
        <translation>Ziel neu beginnen</translation>
    </message>
    <message>
        <source>A fresh lab, and the checklist from its first step</source>
        <translation>Ein frisches Labor und die Checkliste ab ihrem ersten Schritt</translation>
    </message>
    <message>
        <source>Choose Another Goal…</source>
        <translation>Anderes Ziel wählen …</translation>
    </message>
    <message>
        <source>Start Again</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>Stop Guiding</source>
        <translation>Anleitung beenden</translation>
    </message>
    <message>
        <source>Hide the checklist; the lab and what you did stay as they are</source>
        <translation>Die Checkliste ausblenden; das Labor und was Sie getan haben, bleiben, wie sie sind</translation>
    </message>
    <message>
        <source>Guided by Hand</source>
        <translation>Angeleitet von Hand</translation>
    </message>
    <message>
        <source>Pick a goal. The lab starts afresh (two new kernels), and a checklist shows which button to press next and what the kernel will do.</source>
        <translation>Wählen Sie ein Ziel. Das Labor startet neu (zwei neue Kernel), und eine Checkliste zeigt, welche Schaltfläche als Nächstes zu drücken ist und was der Kernel tun wird.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>%1 (skipped)</source>
        <translation>%1 (ausgelassen)</translation>
    </message>
    <message>
        <source>What happened instead</source>
        <translation>Was stattdessen geschah</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Go On by Hand</source>
        <translation>Von Hand weitermachen</translation>
    </message>
    <message>
        <source>The checklist goes on from what the kernels did</source>
        <translation>Die Checkliste macht mit dem weiter, was die Kernel getan haben</translation>
    </message>
    <message>
        <source>The goal cannot be reached on this lab: stop guiding, and go on by hand</source>
        <translation>In diesem Labor ist das Ziel nicht mehr zu erreichen: Anleitung beenden und von Hand weitermachen</translation>
    </message>
    <message>
        <source>Try another goal, or the same again.</source>
        <translation>Versuchen Sie ein anderes Ziel oder dasselbe noch einmal.</translation>
    </message>
</context>
<context>
    <name>HostSetting</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
</context>
<context>
    <name>HostSettings</name>
    <message>
        <source>SACK</source>
        <translation>SACK</translation>
    </message>
    <message>
        <source>Selective acknowledgments: the SYN offers SACK-permitted, and the receiver reports the blocks it holds beyond a hole.</source>
        <translation>Selektive Bestätigungen: der SYN bietet SACK-permitted an, und der Empfänger meldet die Blöcke, die er hinter einer Lücke hält.</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>The TS option on every segment (RFC 7323): round-trip times and protection against wrapped sequence numbers. 2: without a random offset per connection.</source>
        <translation>Die TS-Option auf jedem Segment (RFC 7323): Umlaufzeiten und Schutz vor übergelaufenen Sequenznummern. 2: ohne zufälligen Versatz je Verbindung.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>on, no random offset</source>
        <translation>an, ohne zufälligen Versatz</translation>
    </message>
    <message>
        <source>Window scaling</source>
        <translation>Fensterskalierung</translation>
    </message>
    <message>
        <source>The WS option in the SYN: windows above 64 KiB. Both SYNs must carry it, or neither side scales.</source>
        <translation>Die WS-Option im SYN: Fenster über 64 KiB. Beide SYNs müssen sie tragen, sonst skaliert keine Seite.</translation>
    </message>
    <message>
        <source>ECN</source>
        <translation>ECN</translation>
    </message>
    <message>
        <source>Explicit congestion notification: 1 asks for it in the SYN (ECE and CWR), 2 agrees only when the peer asks (Linux&apos;s default).</source>
        <translation>Explizite Überlastmeldung: 1 fragt im SYN danach (ECE und CWR), 2 stimmt nur zu, wenn die Gegenseite fragt (Linux&apos; Vorgabe).</translation>
    </message>
    <message>
        <source>ask and accept</source>
        <translation>fragen und annehmen</translation>
    </message>
    <message>
        <source>accept when asked</source>
        <translation>annehmen, wenn gefragt</translation>
    </message>
    <message>
        <source>TCP Fast Open</source>
        <translation>TCP Fast Open</translation>
    </message>
    <message>
        <source>Data in the SYN (RFC 7413), bits: 1 client, 2 server, 4 client without a cookie, 512 server without a cookie. The client must send with MSG_FASTOPEN.</source>
        <translation>Daten im SYN (RFC 7413), Bits: 1 Client, 2 Server, 4 Client ohne Cookie, 512 Server ohne Cookie. Der Client muss mit MSG_FASTOPEN senden.</translation>
    </message>
    <message>
        <source>SYN cookies</source>
        <translation>SYN-Cookies</translation>
    </message>
    <message>
        <source>When the SYN queue is full, answer with a SYN+ACK whose sequence number encodes the connection, and keep nothing.</source>
        <translation>Ist die SYN-Warteschlange voll, mit einem SYN+ACK antworten, dessen Sequenznummer die Verbindung kodiert, und nichts behalten.</translation>
    </message>
    <message>
        <source>when the queue is full</source>
        <translation>bei voller Warteschlange</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Listen backlog limit</source>
        <translation>Grenze des Listen-Backlogs</translation>
    </message>
    <message>
        <source>The largest accept queue listen() may ask for (somaxconn); a larger backlog is cut to it.</source>
        <translation>Die längste Accept-Warteschlange, die listen() verlangen darf (somaxconn); ein größerer Backlog wird darauf gekürzt.</translation>
    </message>
    <message>
        <source>Receive buffer</source>
        <translation>Empfangspuffer</translation>
    </message>
    <message>
        <source>Bytes of receive buffer: least, first and most (the window a host announces grows from the first).</source>
        <translation>Bytes Empfangspuffer: kleinster, erster und größter Wert (das angekündigte Fenster wächst vom ersten an).</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Send buffer</source>
        <translation>Sendepuffer</translation>
    </message>
    <message>
        <source>Bytes of send buffer: least, first and most (how much write() may hand the kernel before it blocks).</source>
        <translation>Bytes Sendepuffer: kleinster, erster und größter Wert (wie viel write() dem Kernel übergeben kann, bevor es blockiert).</translation>
    </message>
    <message>
        <source>SYN retries</source>
        <translation>SYN-Wiederholungen</translation>
    </message>
    <message>
        <source>How often connect() resends its SYN before it fails with ETIMEDOUT.</source>
        <translation>Wie oft connect() seinen SYN erneut sendet, bevor es mit ETIMEDOUT scheitert.</translation>
    </message>
    <message>
        <source>SYN+ACK retries</source>
        <translation>SYN+ACK-Wiederholungen</translation>
    </message>
    <message>
        <source>How often a listener resends its SYN+ACK before it forgets the half-open connection.</source>
        <translation>Wie oft ein Listener sein SYN+ACK erneut sendet, bevor er die halboffene Verbindung vergisst.</translation>
    </message>
    <message>
        <source>Keep-alive idle time</source>
        <translation>Keep-alive-Ruhezeit</translation>
    </message>
    <message>
        <source>Seconds a connection with SO_KEEPALIVE stays idle before the first probe.</source>
        <translation>Sekunden, die eine Verbindung mit SO_KEEPALIVE ruht, bevor die erste Probe kommt.</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Keep-alive interval</source>
        <translation>Keep-alive-Abstand</translation>
    </message>
    <message>
        <source>Seconds between keep-alive probes that get no answer.</source>
        <translation>Sekunden zwischen Keep-alive-Proben, die keine Antwort bekommen.</translation>
    </message>
    <message>
        <source>Keep-alive probes</source>
        <translation>Keep-alive-Proben</translation>
    </message>
    <message>
        <source>Unanswered probes before the connection is dropped (ETIMEDOUT).</source>
        <translation>Unbeantwortete Proben, bevor die Verbindung verworfen wird (ETIMEDOUT).</translation>
    </message>
    <message>
        <source>Quick ACKs</source>
        <translation>Sofortige ACKs</translation>
    </message>
    <message>
        <source>The quickack metric on the host&apos;s route to its peer: every segment is acknowledged at once; no ACK is delayed.</source>
        <translation>Die quickack-Metrik auf der Route des Hosts zur Gegenseite: jedes Segment wird sofort bestätigt; kein ACK wird verzögert.</translation>
    </message>
    <message>
        <source>Early retransmit and tail-loss probe</source>
        <translation>Early Retransmit und Tail-Loss-Probe</translation>
    </message>
    <message>
        <source>3: tail-loss probes on (the lab&apos;s microsecond round trip makes one fire whenever data is held); 0: off.</source>
        <translation>3: Tail-Loss-Proben an (die Umlaufzeit des Labors von Mikrosekunden lässt eine feuern, sobald Daten gehalten werden); 0: aus.</translation>
    </message>
    <message>
        <source>Least retransmission timeout</source>
        <translation>Kleinstes Retransmission-Timeout</translation>
    </message>
    <message>
        <source>The RTO never goes below this (Linux 6.11 and later).</source>
        <translation>Das RTO fällt nie darunter (Linux 6.11 und später).</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>Linear SYN timeouts</source>
        <translation>Lineare SYN-Timeouts</translation>
    </message>
    <message>
        <source>The first SYN retries wait 1 s each before the timeout doubles (Linux 6.5 and later).</source>
        <translation>Die ersten SYN-Wiederholungen warten je 1 s, bevor sich das Timeout verdoppelt (Linux 6.5 und später).</translation>
    </message>
    <message>
        <source>SYN queue length</source>
        <translation>Länge der SYN-Warteschlange</translation>
    </message>
    <message>
        <source>Half-open connections a listener keeps before SYN cookies answer.</source>
        <translation>Halboffene Verbindungen, die ein Listener hält, bevor SYN-Cookies antworten.</translation>
    </message>
    <message>
        <source>D-SACK</source>
        <translation>D-SACK</translation>
    </message>
    <message>
        <source>Report a duplicate segment in a SACK block (RFC 2883).</source>
        <translation>Ein doppeltes Segment in einem SACK-Block melden (RFC 2883).</translation>
    </message>
    <message>
        <source>Reset on a full accept queue</source>
        <translation>RST bei voller Accept-Warteschlange</translation>
    </message>
    <message>
        <source>Answer the handshake&apos;s last ACK with RST when the accept queue is full, instead of ignoring it.</source>
        <translation>Das letzte ACK des Handshakes mit RST beantworten, wenn die Accept-Warteschlange voll ist, statt es zu übergehen.</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 timeout</source>
        <translation>FIN_WAIT_2-Timeout</translation>
    </message>
    <message>
        <source>Seconds an orphaned connection stays in FIN_WAIT_2.</source>
        <translation>Sekunden, die eine verwaiste Verbindung in FIN_WAIT_2 bleibt.</translation>
    </message>
    <message>
        <source>0 (off) or 1 (on)</source>
        <translation>0 (aus) oder 1 (an)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>three integers from %1 to %2 in a string, such as &quot;4096 131072 6291456&quot;</source>
        <translation>drei ganze Zahlen von %1 bis %2 in einem String, etwa &quot;4096 131072 6291456&quot;</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>HostSettingsDialog</name>
    <message>
        <source>Host Settings</source>
        <translation>Host-Einstellungen</translation>
    </message>
    <message>
        <source>Changes apply to the &lt;b&gt;next connection&lt;/b&gt;: the kernel reads these settings when a connection is made, so one already open keeps what its SYNs agreed. Each change is recorded in the trace and in the scenario saved from what you did.</source>
        <translation>Änderungen gelten für die &lt;b&gt;nächste Verbindung&lt;/b&gt;: der Kernel liest diese Einstellungen, wenn eine Verbindung entsteht, also behält eine schon offene, was ihre SYNs vereinbart haben. Jede Änderung wird im Trace und im Szenario aus Ihren Schritten festgehalten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Setting&lt;/b&gt;</source>
        <translation>&lt;b&gt;Einstellung&lt;/b&gt;</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>least first most</source>
        <translation>kleinster erster größter</translation>
    </message>
    <message>
        <source>&amp;Apply to the Next Connection</source>
        <translation>Für die nächste Verbindung &amp;übernehmen</translation>
    </message>
    <message>
        <source>%1 cannot be read on this kernel: %2</source>
        <translation>%1 lässt sich auf diesem Kernel nicht lesen: %2</translation>
    </message>
    <message>
        <source>No live lab: work by hand (Lab → Work by Hand) to change the hosts&apos; settings.</source>
        <translation>Kein laufendes Labor: arbeiten Sie von Hand (Labor → Von Hand arbeiten), um die Einstellungen der Hosts zu ändern.</translation>
    </message>
    <message>
        <source>%1 on the %2: expected %3.</source>
        <translation>%1 auf dem %2: erwartet %3.</translation>
    </message>
    <message>
        <source>%1 on the %2: %3</source>
        <translation>%1 auf dem %2: %3</translation>
    </message>
    <message>
        <source>Applied: the next connection is made with these settings.</source>
        <translation>Übernommen: die nächste Verbindung entsteht mit diesen Einstellungen.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Restart the Client&apos;s Host…</source>
        <translation>Host des Clients neu starten…</translation>
    </message>
    <message>
        <source>Restart the Server&apos;s Host…</source>
        <translation>Host des Servers neu starten…</translation>
    </message>
    <message>
        <source>The host reboots: its kernel forgets every connection and starts from the default settings</source>
        <translation>Der Host startet neu: sein Kernel vergisst jede Verbindung und beginnt mit den Standardeinstellungen</translation>
    </message>
    <message>
        <source>Restart Host</source>
        <translation>Host neu starten</translation>
    </message>
    <message>
        <source>Restart the client&apos;s host (%1)?</source>
        <translation>Den Host des Clients (%1) neu starten?</translation>
    </message>
    <message>
        <source>Restart the server&apos;s host (%1)?</source>
        <translation>Den Host des Servers (%1) neu starten?</translation>
    </message>
    <message>
        <source>The host reboots: its kernel forgets every connection; the next segment of an old connection is answered with RST. Its sockets are closed, and its settings are the defaults again. The other host and the wire stay as they are.</source>
        <translation>Der Host startet neu: sein Kernel vergisst jede Verbindung; das nächste Segment einer alten Verbindung wird mit RST beantwortet. Seine Sockets werden geschlossen, und seine Einstellungen sind wieder die Standardwerte. Der andere Host und die Leitung bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>The client&apos;s host could not restart: %1</source>
        <translation>Der Host des Clients konnte nicht neu starten: %1</translation>
    </message>
    <message>
        <source>The server&apos;s host could not restart: %1</source>
        <translation>Der Host des Servers konnte nicht neu starten: %1</translation>
    </message>
    <message>
        <source>The client&apos;s host restarted: a new kernel with the same address.</source>
        <translation>Der Host des Clients wurde neu gestartet: ein neuer Kernel mit derselben Adresse.</translation>
    </message>
    <message>
        <source>The server&apos;s host restarted: a new kernel with the same address.</source>
        <translation>Der Host des Servers wurde neu gestartet: ein neuer Kernel mit derselben Adresse.</translation>
    </message>
</context>
<context>
    <name>InputFile</name>
    <message>
        <source>a FIFO</source>
        <translation>eine FIFO</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>cannot open %1: no such resource</source>
        <translation>kann %1 nicht öffnen: keine solche Ressource</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>kann %1 nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file (to read a stream, give - and send it to standard input)</source>
        <translation>%1 ist %2, keine reguläre Datei (um einen Datenstrom zu lesen, geben Sie - an und senden ihn an die Standardeingabe)</translation>
    </message>
    <message>
        <source>%1 is larger than %2, the limit for %3</source>
        <translation>%1 ist größer als %2, die Grenze für %3</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kann %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>%1 is neither a capture (pcap or pcapng) nor a SynScope trace (JSON): it starts with %2</source>
        <translation>%1 ist weder ein Mitschnitt (pcap oder pcapng) noch ein SynScope-Trace (JSON): Es beginnt mit %2</translation>
    </message>
    <message>
        <source>a capture read from standard input</source>
        <translation>ein von der Standardeingabe gelesener Mitschnitt</translation>
    </message>
    <message>
        <source>cannot copy standard input to %1: %2</source>
        <translation>kann die Standardeingabe nicht nach %1 kopieren: %2</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>nothing (the key is missing)</source>
        <translation>nichts (der Schlüssel fehlt)</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>missing; expected %1</source>
        <translation>fehlt; erwartet wird %1</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>erwartet %1, erhalten %2</translation>
    </message>
    <message>
        <source>unknown key (expected one of: %1)</source>
        <translation>unbekannter Schlüssel (erwartet wird einer von: %1)</translation>
    </message>
    <message>
        <source>unknown field for %1 (expected one of: %2)</source>
        <translation>unbekanntes Feld für %1 (erwartet wird eines von: %2)</translation>
    </message>
    <message>
        <source>an integer from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>The lab helper (pid %1) %2; the lab stopped. Start a new lab to go on.</source>
        <translation>Der Labor-Helfer (PID %1) %2; das Labor wurde beendet. Starten Sie ein neues Labor, um weiterzumachen.</translation>
    </message>
    <message>
        <source>no lab helper</source>
        <translation>kein Labor-Helfer</translation>
    </message>
    <message>
        <source>lab helper pid %1, %2</source>
        <translation>Labor-Helfer PID %1, %2</translation>
    </message>
    <message>
        <source>user namespace</source>
        <translation>User-Namespace</translation>
    </message>
    <message>
        <source>as root</source>
        <translation>als root</translation>
    </message>
    <message>
        <source>The lab is not running.</source>
        <translation>Das Labor läuft nicht.</translation>
    </message>
    <message>
        <source>The socket is not in the lab&apos;s namespace.</source>
        <translation>Der Socket ist nicht im Namespace des Labors.</translation>
    </message>
    <message>
        <source>Only net.ipv4.tcp_* and net.core.* settings with numeric values can be set in the lab.</source>
        <translation>Im Labor lassen sich nur Einstellungen net.ipv4.tcp_* und net.core.* mit Zahlenwerten setzen.</translation>
    </message>
</context>
<context>
    <name>LabError</name>
    <message>
        <source>The lab helper program is missing or not executable; rebuild SynScope or set SYNSCOPE_LAB_HELPER to its path.</source>
        <translation>Das Labor-Helferprogramm fehlt oder ist nicht ausführbar; bauen Sie SynScope neu oder setzen Sie SYNSCOPE_LAB_HELPER auf seinen Pfad.</translation>
    </message>
    <message>
        <source>The lab stopped: the lab helper (pid %1) did not answer within %2 s.</source>
        <translation>Das Labor wurde beendet: Der Labor-Helfer (PID %1) hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>The helper speaks another protocol version; rebuild SynScope.</source>
        <translation>Der Helfer spricht eine andere Protokollversion; bauen Sie SynScope neu.</translation>
    </message>
    <message>
        <source>The lab helper is not running.</source>
        <translation>Der Labor-Helfer läuft nicht.</translation>
    </message>
    <message>
        <source>The helper sent %1 file descriptors, %2 expected.</source>
        <translation>Der Helfer hat %1 Dateideskriptoren gesendet, %2 erwartet.</translation>
    </message>
    <message>
        <source>The name or value is too long.</source>
        <translation>Name oder Wert ist zu lang.</translation>
    </message>
    <message>
        <source>was killed by signal %1 (SIG%2)</source>
        <translation>wurde durch Signal %1 (SIG%2) beendet</translation>
    </message>
    <message>
        <source>exited with status %1</source>
        <translation>endete mit Status %1</translation>
    </message>
    <message>
        <source>The lab helper (pid %1) %2.</source>
        <translation>Der Labor-Helfer (PID %1) %2.</translation>
    </message>
    <message>
        <source>SynScope has as many files and sockets open as its limit allows (ulimit -n), so it cannot take the socket the lab made; the lab stopped. Close sockets, or raise the limit.</source>
        <translation>SynScope hat so viele Dateien und Sockets offen, wie sein Limit erlaubt (ulimit -n), und kann den Socket, den das Labor angelegt hat, nicht übernehmen; das Labor wurde beendet. Schließen Sie Sockets oder erhöhen Sie das Limit.</translation>
    </message>
    <message>
        <source>The system has run out of open files (fs.file-max), so SynScope cannot take the socket the lab made; the lab stopped.</source>
        <translation>Dem System sind die offenen Dateien ausgegangen (fs.file-max), daher kann SynScope den Socket, den das Labor angelegt hat, nicht übernehmen; das Labor wurde beendet.</translation>
    </message>
    <message>
        <source>AppArmor restricts unprivileged user namespaces here (kernel.apparmor_restrict_unprivileged_userns=1, as on Ubuntu 24.04), and the helper %1 runs without the AppArmor profile %2 that allows them.</source>
        <translation>AppArmor beschränkt hier User-Namespaces ohne Privilegien (kernel.apparmor_restrict_unprivileged_userns=1, wie unter Ubuntu 24.04), und der Helfer %1 läuft ohne das AppArmor-Profil %2, das sie erlaubt.</translation>
    </message>
    <message>
        <source>%1 is installed but not loaded; load it with: %2</source>
        <translation>%1 ist installiert, aber nicht geladen; laden Sie es mit: %2</translation>
    </message>
    <message>
        <source>Install and load it with: %1 (bash app/setup.sh run does this for a build tree); or run SynScope as root.</source>
        <translation>Installieren und laden Sie es mit: %1 (bash app/setup.sh run tut das für einen Build-Baum); oder starten Sie SynScope als root.</translation>
    </message>
</context>
<context>
    <name>LabPanels</name>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Wire</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Client-Aufruf: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server-Aufruf: %1</translation>
    </message>
    <message>
        <source>Client calls</source>
        <translation>Aufrufe des Clients</translation>
    </message>
    <message>
        <source>Server calls</source>
        <translation>Aufrufe des Servers</translation>
    </message>
    <message>
        <source>By-hand controls</source>
        <translation>Steuerung von Hand</translation>
    </message>
    <message>
        <source>By-Hand Controls in Lecture Mode</source>
        <translation>Steuerung von Hand im Vortragsmodus</translation>
    </message>
    <message>
        <source>A row of the calls and the wire&apos;s actions under the diagram in lecture mode</source>
        <translation>Eine Leiste mit den Aufrufen und den Aktionen der Leitung unter dem Diagramm im Vortragsmodus</translation>
    </message>
    <message>
        <source>Lecture mode</source>
        <translation>Vortragsmodus</translation>
    </message>
    <message>
        <source>Socket state and queues</source>
        <translation>Zustand und Warteschlangen der Sockets</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>&lt;li&gt;&lt;b&gt;Boxes&lt;/b&gt; on a program&apos;s line: a socket call, from when it is made to when it returns; a &lt;b&gt;dashed&lt;/b&gt; box is still blocked; a failed call&apos;s errno is red and marked &lt;b&gt;✗&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Bold words&lt;/b&gt; on a TCP line: the kernel&apos;s state of the socket, read from the kernel.&lt;/li&gt;&lt;li&gt;An &lt;b&gt;arrow&lt;/b&gt; is a segment, from when its kernel sent it to when it arrived; the label names it as the textbook does (SYN J, ACK K+1). Colour and head tell the kind:&lt;/li&gt;&lt;li&gt;&amp;nbsp;&amp;nbsp;a &lt;b&gt;filled head&lt;/b&gt;: SYN or data; a &lt;b&gt;double head&lt;/b&gt;: FIN; an &lt;b&gt;open head&lt;/b&gt;: a pure ACK; &lt;b&gt;dash-dot&lt;/b&gt; ending at a &lt;b&gt;bar&lt;/b&gt;: RST.&lt;/li&gt;&lt;li&gt;&amp;nbsp;&amp;nbsp;&lt;b&gt;✕&lt;/b&gt;: dropped on the wire; a &lt;b&gt;dashed&lt;/b&gt; arrow ending in &lt;b&gt;○&lt;/b&gt;: still held on the wire (not delivered yet).&lt;/li&gt;&lt;li&gt;A &lt;b&gt;thin bar&lt;/b&gt; beside a TCP line: a kernel timer running (retransmission, TIME_WAIT, …), with the time it had left.&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;b&gt;Kästen&lt;/b&gt; auf der Linie eines Programms: ein Socket-Aufruf, vom Aufruf bis zur Rückkehr; ein &lt;b&gt;gestrichelter&lt;/b&gt; Kasten ist noch blockiert; das errno eines gescheiterten Aufrufs ist rot und mit &lt;b&gt;✗&lt;/b&gt; markiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fette Wörter&lt;/b&gt; auf einer TCP-Linie: der Zustand des Sockets im Kernel, aus dem Kernel gelesen.&lt;/li&gt;&lt;li&gt;Ein &lt;b&gt;Pfeil&lt;/b&gt; ist ein Segment, vom Senden durch seinen Kernel bis zur Ankunft; die Beschriftung benennt es wie das Lehrbuch (SYN J, ACK K+1). Farbe und Spitze zeigen die Art:&lt;/li&gt;&lt;li&gt;&amp;nbsp;&amp;nbsp;eine &lt;b&gt;gefüllte Spitze&lt;/b&gt;: SYN oder Daten; eine &lt;b&gt;doppelte Spitze&lt;/b&gt;: FIN; eine &lt;b&gt;offene Spitze&lt;/b&gt;: ein reines ACK; &lt;b&gt;strichpunktiert&lt;/b&gt; und an einem &lt;b&gt;Balken&lt;/b&gt; endend: RST.&lt;/li&gt;&lt;li&gt;&amp;nbsp;&amp;nbsp;&lt;b&gt;✕&lt;/b&gt;: auf der Leitung verworfen; ein &lt;b&gt;gestrichelter&lt;/b&gt; Pfeil, der in &lt;b&gt;○&lt;/b&gt; endet: noch auf der Leitung festgehalten (noch nicht zugestellt).&lt;/li&gt;&lt;li&gt;Ein &lt;b&gt;schmaler Balken&lt;/b&gt; neben einer TCP-Linie: ein laufender Kernel-Timer (Sendewiederholung, TIME_WAIT, …) mit der Zeit, die ihm noch blieb.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;Working by hand, Lab → &lt;b&gt;Guided…&lt;/b&gt; (Ctrl+G) picks a goal: an &lt;b&gt;orange frame&lt;/b&gt; marks the button that makes its next step, and the checklist beside the diagram says what the kernel will do.&lt;/li&gt;</source>
        <translation>&lt;li&gt;Von Hand: Labor → &lt;b&gt;Angeleitet …&lt;/b&gt; (Strg+G) wählt ein Ziel: Ein &lt;b&gt;orangefarbener Rahmen&lt;/b&gt; markiert die Schaltfläche für seinen nächsten Schritt, und die Checkliste neben dem Diagramm sagt, was der Kernel tun wird.&lt;/li&gt;</translation>
    </message>
</context>
<context>
    <name>LegendDialog</name>
    <message>
        <source>How to Read the Diagram</source>
        <translation>Wie man das Diagramm liest</translation>
    </message>
</context>
<context>
    <name>LinkLayer</name>
    <message>
        <source>BSD loopback</source>
        <translation>BSD-Loopback</translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <source>PPP</source>
        <translation>PPP</translation>
    </message>
    <message>
        <source>raw IP</source>
        <translation>rohes IP</translation>
    </message>
    <message>
        <source>PPP in HDLC framing</source>
        <translation>PPP in HDLC-Rahmung</translation>
    </message>
    <message>
        <source>PPPoE</source>
        <translation>PPPoE</translation>
    </message>
    <message>
        <source>Cisco HDLC</source>
        <translation>Cisco HDLC</translation>
    </message>
    <message>
        <source>IEEE 802.11</source>
        <translation>IEEE 802.11</translation>
    </message>
    <message>
        <source>OpenBSD loopback</source>
        <translation>OpenBSD-Loopback</translation>
    </message>
    <message>
        <source>Linux cooked (SLL)</source>
        <translation>Linux cooked (SLL)</translation>
    </message>
    <message>
        <source>IEEE 802.11 with radiotap</source>
        <translation>IEEE 802.11 mit Radiotap</translation>
    </message>
    <message>
        <source>IEEE 802.11 with PPI</source>
        <translation>IEEE 802.11 mit PPI</translation>
    </message>
    <message>
        <source>raw IPv4</source>
        <translation>rohes IPv4</translation>
    </message>
    <message>
        <source>raw IPv6</source>
        <translation>rohes IPv6</translation>
    </message>
    <message>
        <source>Linux NFLOG</source>
        <translation>Linux NFLOG</translation>
    </message>
    <message>
        <source>Linux cooked (SLL2)</source>
        <translation>Linux cooked (SLL2)</translation>
    </message>
    <message>
        <source>link type %1</source>
        <translation>Link-Typ %1</translation>
    </message>
    <message>
        <source>Ethernet, Linux cooked (SLL, SLL2), raw IPv4/IPv6, BSD/OpenBSD loopback, PPP, Cisco HDLC, IEEE 802.11 (plain, radiotap, PPI) and Linux NFLOG</source>
        <translation>Ethernet, Linux cooked (SLL, SLL2), rohes IPv4/IPv6, BSD-/OpenBSD-Loopback, PPP, Cisco HDLC, IEEE 802.11 (einfach, Radiotap, PPI) und Linux NFLOG</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The recording stopped early: %1</source>
        <translation>Die Aufzeichnung endete vorzeitig: %1</translation>
    </message>
    <message>
        <source>Step %1: the kernels did not do what the scenario expects: %2</source>
        <translation>Schritt %1: Die Kernel haben nicht getan, was das Szenario erwartet: %2</translation>
    </message>
    <message>
        <source>The kernels answered differently from the recording: %1</source>
        <translation>Die Kernel haben anders geantwortet als in der Aufzeichnung: %1</translation>
    </message>
    <message>
        <source>A fresh lab: two new kernels, no sockets. Make a call on either side to begin.</source>
        <translation>Ein frisches Labor: zwei neue Kernel, keine Sockets. Machen Sie einen Aufruf auf einer der beiden Seiten, um zu beginnen.</translation>
    </message>
    <message>
        <source>Qt flavour</source>
        <translation>Qt-Variante</translation>
    </message>
    <message>
        <source>BSD sockets</source>
        <translation>BSD-Sockets</translation>
    </message>
    <message>
        <source>numbers: %1</source>
        <translation>Nummern: %1</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>The kernels are still recording; the first step shows in a moment.</source>
        <translation>Die Kernel zeichnen noch auf; der erste Schritt erscheint gleich.</translation>
    </message>
    <message>
        <source>The scenario is at its end (step %1 of %1). T takes over on live kernels.</source>
        <translation>Das Szenario ist am Ende (Schritt %1 von %1). T übernimmt auf echten Kerneln.</translation>
    </message>
    <message>
        <source>Cannot run &quot;%1&quot;: %2</source>
        <translation>Kann „%1“ nicht ausführen: %2</translation>
    </message>
    <message>
        <source>Cannot take over: %1</source>
        <translation>Kann nicht übernehmen: %1</translation>
    </message>
    <message>
        <source>%1[*] — SynScope</source>
        <translation>%1[*] – SynScope</translation>
    </message>
    <message>
        <source>SynScope[*]</source>
        <translation>SynScope[*]</translation>
    </message>
    <message>
        <source>Save What I Did as Scenario will leave this out: %1.</source>
        <translation>„Mein Vorgehen als Szenario speichern“ lässt dies aus: %1.</translation>
    </message>
    <message>
        <source>Nothing to step: no segment is held on the wire. Make a call on either side, or choose a scenario.</source>
        <translation>Kein Schritt möglich: Auf der Leitung wird kein Segment festgehalten. Machen Sie einen Aufruf auf einer der beiden Seiten, oder wählen Sie ein Szenario.</translation>
    </message>
    <message>
        <source>Nothing to step: this is the last step. Choose a scenario, or Lab → Work by Hand.</source>
        <translation>Kein Schritt möglich: Dies ist der letzte Schritt. Wählen Sie ein Szenario oder Labor → Von Hand arbeiten.</translation>
    </message>
    <message>
        <source>The scenario is at its end (step %1 of %1).</source>
        <translation>Das Szenario ist am Ende (Schritt %1 von %1).</translation>
    </message>
    <message>
        <source>Nothing to step: this is the last step. Choose a scenario.</source>
        <translation>Kein Schritt möglich: Dies ist der letzte Schritt. Wählen Sie ein Szenario.</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Anleitung</translation>
    </message>
    <message>
        <source>Guided mode needs the lab, which cannot run here: %1</source>
        <translation>Der angeleitete Modus braucht das Labor, das hier nicht laufen kann: %1</translation>
    </message>
    <message>
        <source>A fresh lab for the goal &quot;%1&quot;: the framed button makes the next step.</source>
        <translation>Ein frisches Labor für das Ziel „%1“: Die umrahmte Schaltfläche macht den nächsten Schritt.</translation>
    </message>
</context>
<context>
    <name>QtHost</name>
    <message numerus="yes">
        <source>%n byte(s) available</source>
        <translation>
            <numerusform>%n Byte verfügbar</numerusform>
            <numerusform>%n Bytes verfügbar</numerusform>
        </translation>
    </message>
    <message>
        <source>no such socket</source>
        <translation>kein solcher Socket</translation>
    </message>
    <message>
        <source>socket %1 (%2)</source>
        <translation>Socket %1 (%2)</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Make a call on either side — socket(), bind(), listen() on the server, then connect() on the client — or choose a scenario. Space steps.</source>
        <translation>Machen Sie einen Aufruf auf einer der beiden Seiten – socket(), bind(), listen() auf dem Server, dann connect() auf dem Client – oder wählen Sie ein Szenario. Leertaste geht schrittweise weiter.</translation>
    </message>
    <message>
        <source>— held on the wire: Deliver hands it on, Space goes on with the scenario.</source>
        <translation>– auf der Leitung festgehalten: „Zustellen“ gibt es weiter, die Leertaste setzt das Szenario fort.</translation>
    </message>
    <message>
        <source>— held on the wire: press Space or Deliver.</source>
        <translation>– auf der Leitung festgehalten: Drücken Sie die Leertaste oder „Zustellen“.</translation>
    </message>
    <message>
        <source>— held on the wire: press Space to go on.</source>
        <translation>– auf der Leitung festgehalten: Drücken Sie die Leertaste, um weiterzugehen.</translation>
    </message>
</context>
<context>
    <name>Scenario/abortive-close</name>
    <message>
        <source>Abortive close with SO_LINGER 0</source>
        <comment>title</comment>
        <translation>Abbrechender Verbindungsabbau mit SO_LINGER 0</translation>
    </message>
    <message>
        <source>With SO_LINGER {on, 0 s}, close() discards the connection and sends RST instead of FIN; the peer&apos;s blocked read() fails with ECONNRESET, and a later write() with EPIPE.</source>
        <comment>description</comment>
        <translation>Mit SO_LINGER {on, 0 s} verwirft close() die Verbindung und sendet RST statt FIN; das blockierte read() der Gegenseite scheitert mit ECONNRESET, ein späteres write() mit EPIPE.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf: Es blockiert.</translation>
    </message>
    <message>
        <source>The client sets SO_LINGER to {on, 0 seconds} and calls close(): its kernel sends RST, not FIN, and forgets the connection at once (no TIME_WAIT).</source>
        <comment>step 8</comment>
        <translation>Der Client setzt SO_LINGER auf {on, 0 Sekunden} und ruft close() auf: Sein Kernel sendet RST, nicht FIN, und vergisst die Verbindung sofort (kein TIME_WAIT).</translation>
    </message>
    <message>
        <source>The RST arrives: the server&apos;s read() fails with ECONNRESET and its connection is gone.</source>
        <comment>step 9</comment>
        <translation>Das RST kommt an: read() des Servers scheitert mit ECONNRESET, und seine Verbindung ist weg.</translation>
    </message>
    <message>
        <source>The server writes anyway: write() fails with EPIPE. With it the kernel raises SIGPIPE, which kills a program that neither ignores it nor writes with MSG_NOSIGNAL; the lab&apos;s writes pass MSG_NOSIGNAL, so SIGPIPE is recorded here, not raised.</source>
        <comment>step 10</comment>
        <translation>Der Server schreibt trotzdem: write() scheitert mit EPIPE. Dabei löst der Kernel SIGPIPE aus, das ein Programm beendet, das es weder ignoriert noch mit MSG_NOSIGNAL schreibt; die Schreibaufrufe des Labors übergeben MSG_NOSIGNAL, daher wird SIGPIPE hier aufgezeichnet, nicht ausgelöst.</translation>
    </message>
</context>
<context>
    <name>Scenario/accept-later</name>
    <message>
        <source>The handshake completes without accept()</source>
        <comment>title</comment>
        <translation>Der Verbindungsaufbau gelingt ohne accept()</translation>
    </message>
    <message>
        <source>The server listens but does not call accept(): its kernel completes the handshake alone and queues the connection; accept() later just takes it from the queue, and no segment is sent.</source>
        <comment>description</comment>
        <translation>Der Server lauscht, ruft aber accept() nicht auf: Sein Kernel führt den Drei-Wege-Handschlag allein durch und reiht die Verbindung ein; accept() nimmt sie später nur aus der Warteschlange, und kein Segment wird gesendet.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): SYN J.</source>
        <comment>step 2</comment>
        <translation>Der Client ruft socket() und connect() auf: SYN J.</translation>
    </message>
    <message>
        <source>The SYN arrives: no program is in accept(), yet the server&apos;s kernel answers SYN K, ACK J+1. The half-open connection is in SYN_RCVD (Linux keeps it as a small request socket beside the listener).</source>
        <comment>step 3</comment>
        <translation>Das SYN kommt an: Kein Programm steckt in accept(), und doch antwortet der Kernel des Servers mit SYN K, ACK J+1. Die halboffene Verbindung ist in SYN_RCVD (Linux führt sie als kleinen Request-Socket neben dem lauschenden Socket).</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client sends ACK K+1.</source>
        <comment>step 4</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Client sendet ACK K+1.</translation>
    </message>
    <message>
        <source>The ACK arrives: the connection is ESTABLISHED on the server and waits in the listener&apos;s accept queue. Still no program has called accept().</source>
        <comment>step 5</comment>
        <translation>Das ACK kommt an: Die Verbindung ist auf dem Server ESTABLISHED und wartet in der Accept-Warteschlange des lauschenden Sockets. Noch immer hat kein Programm accept() aufgerufen.</translation>
    </message>
    <message>
        <source>The client can already send: its data is acknowledged by the server&apos;s kernel and waits in the connection&apos;s receive buffer.</source>
        <comment>step 6</comment>
        <translation>Der Client kann schon senden: Der Kernel des Servers bestätigt seine Daten, und sie warten im Empfangspuffer der Verbindung.</translation>
    </message>
    <message>
        <source>Now the server calls accept(): it returns at once with the queued connection, and no segment is sent: the handshake was over long ago.</source>
        <comment>step 7</comment>
        <translation>Jetzt ruft der Server accept() auf: Es kehrt sofort mit der eingereihten Verbindung zurück, und kein Segment wird gesendet: Der Verbindungsaufbau war längst vorbei.</translation>
    </message>
    <message>
        <source>read() returns the data that arrived before accept().</source>
        <comment>step 8</comment>
        <translation>read() gibt die Daten zurück, die vor accept() angekommen sind.</translation>
    </message>
</context>
<context>
    <name>Scenario/backlog-full</name>
    <message>
        <source>A full backlog: SYN cookies and dropped SYNs</source>
        <comment>title</comment>
        <translation>Ein voller Backlog: SYN-Cookies und verworfene SYNs</translation>
    </message>
    <message>
        <source>The server listens with a backlog of 1 and does not call accept(). Half-open connections fill its SYN queue: the next SYN is answered with a SYN cookie. Finished connections fill its accept queue: the next SYN is dropped, cookies or not, until accept() makes room and the client&apos;s resent SYN gets through.</source>
        <comment>description</comment>
        <translation>Der Server lauscht mit einem Backlog von 1 und ruft accept() nicht auf. Halboffene Verbindungen füllen seine SYN-Warteschlange: Das nächste SYN wird mit einem SYN-Cookie beantwortet. Fertige Verbindungen füllen seine Accept-Warteschlange: Das nächste SYN wird verworfen, mit oder ohne Cookies, bis accept() Platz schafft und das wiederholte SYN des Clients durchkommt.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen() with a backlog of 1, and then does not call accept(). Its kernel keeps two queues for the listener: the SYN queue of half-open connections (SYN_RCVD) and the accept queue of finished ones waiting for accept(). The backlog limits both. The wire delivers the server&apos;s segments at once and holds the client&apos;s, so that we choose which reach the server.</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() mit einem Backlog von 1 auf und danach kein accept(). Sein Kernel führt für den lauschenden Socket zwei Warteschlangen: die SYN-Warteschlange der halboffenen Verbindungen (SYN_RCVD) und die Accept-Warteschlange der fertigen, die auf accept() warten. Der Backlog begrenzt beide. Die Leitung stellt die Segmente des Servers sofort zu und hält die des Clients fest, damit wir wählen, welche den Server erreichen.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): SYN J, a first connection. The wire holds it.</source>
        <comment>step 2</comment>
        <translation>Der Client ruft socket() und connect() auf: SYN J, eine erste Verbindung. Die Leitung hält es fest.</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel answers SYN K, ACK J+1 and keeps a request socket in SYN_RCVD. SYN queue: 1. The SYN, ACK arrives, connect() returns 0 and the client sends ACK K+1, which the wire holds: the connection stays half-open on the server.</source>
        <comment>step 3</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers antwortet mit SYN K, ACK J+1 und führt einen Request-Socket in SYN_RCVD. SYN-Warteschlange: 1. Das SYN, ACK kommt an, connect() gibt 0 zurück, und der Client sendet ACK K+1, das die Leitung festhält: Auf dem Server bleibt die Verbindung halboffen.</translation>
    </message>
    <message>
        <source>A second socket() and connect(): SYN J′, held by the wire.</source>
        <comment>step 4</comment>
        <translation>Ein zweites socket() und connect(): SYN J′, von der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>A third connection: SYN J′′, held by the wire.</source>
        <comment>step 6</comment>
        <translation>Eine dritte Verbindung: SYN J′′, von der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>SYN J′′ arrives at the full SYN queue. The server&apos;s net.ipv4.tcp_syncookies is 1 (the default), so its kernel answers all the same, with a SYN cookie: K′′ encodes the connection&apos;s addresses, ports and MSS, and the kernel keeps no request socket for it. (With tcp_syncookies 0 it would drop the SYN.) connect() returns 0; the client&apos;s ACK K′′+1 is held.</source>
        <comment>step 7</comment>
        <translation>SYN J′′ trifft auf die volle SYN-Warteschlange. net.ipv4.tcp_syncookies des Servers ist 1 (die Voreinstellung), also antwortet sein Kernel trotzdem, mit einem SYN-Cookie: K′′ kodiert Adressen, Ports und MSS der Verbindung, und der Kernel führt für sie keinen Request-Socket. (Mit tcp_syncookies 0 würde er das SYN verwerfen.) connect() gibt 0 zurück; das ACK K′′+1 des Clients wird festgehalten.</translation>
    </message>
    <message>
        <source>The wire delivers ACK K′′+1 first. Its number minus one is a cookie the server&apos;s kernel made: it rebuilds the connection from it and puts it straight into the accept queue, ESTABLISHED, without it ever having been in the SYN queue. Accept queue: 1.</source>
        <comment>step 8</comment>
        <translation>Die Leitung stellt zuerst ACK K′′+1 zu. Seine Nummer minus eins ist ein Cookie, das der Kernel des Servers gemacht hat: Er baut die Verbindung daraus wieder auf und legt sie direkt in die Accept-Warteschlange, ESTABLISHED, ohne dass sie je in der SYN-Warteschlange war. Accept-Warteschlange: 1.</translation>
    </message>
    <message>
        <source>The server calls accept(): it returns the third connection at once, although the first two started earlier: they are still half-open in the SYN queue. Accept queue: 0.</source>
        <comment>step 9</comment>
        <translation>Der Server ruft accept() auf: Es gibt sofort die dritte Verbindung zurück, obwohl die ersten beiden früher begannen: Sie sind noch halboffen in der SYN-Warteschlange. Accept-Warteschlange: 0.</translation>
    </message>
    <message>
        <source>Now the wire delivers the two held ACKs: both half-open connections become ESTABLISHED and move from the SYN queue to the accept queue. SYN queue: 0, accept queue: 2. Linux lets backlog + 1 connections wait there: it is full.</source>
        <comment>step 10</comment>
        <translation>Jetzt stellt die Leitung die beiden festgehaltenen ACKs zu: Beide halboffenen Verbindungen werden ESTABLISHED und wechseln von der SYN-Warteschlange in die Accept-Warteschlange. SYN-Warteschlange: 0, Accept-Warteschlange: 2. Linux lässt dort Backlog + 1 Verbindungen warten: Sie ist voll.</translation>
    </message>
    <message>
        <source>A fourth connection: SYN J′′′, held by the wire.</source>
        <comment>step 11</comment>
        <translation>Eine vierte Verbindung: SYN J′′′, von der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>SYN J′′′ arrives at the full accept queue. A cookie would not help — the finished connection would have nowhere to wait — so the server&apos;s kernel drops the SYN without a word, although tcp_syncookies is 1. To the client this looks like a lost SYN: connect() stays blocked (SYN_SENT).</source>
        <comment>step 12</comment>
        <translation>SYN J′′′ trifft auf die volle Accept-Warteschlange. Ein Cookie hülfe nicht – die fertige Verbindung hätte keinen Platz zum Warten –, also verwirft der Kernel des Servers das SYN wortlos, obwohl tcp_syncookies 1 ist. Für den Client sieht das aus wie ein verlorenes SYN: connect() bleibt blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The client&apos;s retransmission timer runs out: {again:client} after the first, its kernel sends SYN J′′′ again. The wire holds it.</source>
        <comment>step 13</comment>
        <translation>Der Wiederholungs-Timer des Clients läuft ab: {again:client} nach dem ersten sendet sein Kernel SYN J′′′ noch einmal. Die Leitung hält es fest.</translation>
    </message>
    <message>
        <source>The server calls accept() once more: it takes the first connection from the accept queue and returns at once; no segment is sent. Accept queue: 1, so there is room again.</source>
        <comment>step 14</comment>
        <translation>Der Server ruft noch einmal accept() auf: Es nimmt die erste Verbindung aus der Accept-Warteschlange und kehrt sofort zurück; kein Segment wird gesendet. Accept-Warteschlange: 1, also ist wieder Platz.</translation>
    </message>
    <message>
        <source>The wire delivers the resent SYN J′′′. Now the server&apos;s kernel answers SYN K′′′, ACK J′′′+1, connect() returns 0, and ACK K′′′+1 completes the handshake. Accept queue: 2, full again.</source>
        <comment>step 15</comment>
        <translation>Die Leitung stellt das wiederholte SYN J′′′ zu. Jetzt antwortet der Kernel des Servers mit SYN K′′′, ACK J′′′+1, connect() gibt 0 zurück, und ACK K′′′+1 schließt den Verbindungsaufbau ab. Accept-Warteschlange: 2, wieder voll.</translation>
    </message>
    <message>
        <source>The same again: SYN K′, ACK J′+1, a second request socket in SYN_RCVD, and the client&apos;s ACK K′+1 held on the wire. SYN queue: 2 — more than the backlog of 1, so it is full. (The diagram marks SYN J′ out of order: the wire let it pass the ACK it holds.)</source>
        <comment>step 5</comment>
        <translation>Dasselbe noch einmal: SYN K′, ACK J′+1, ein zweiter Request-Socket in SYN_RCVD, und das ACK K′+1 des Clients auf der Leitung festgehalten. SYN-Warteschlange: 2 – mehr als der Backlog von 1, also ist sie voll. (Das Diagramm markiert SYN J′ als außer der Reihe: Die Leitung ließ es an dem ACK vorbei, das sie festhält.)</translation>
    </message>
</context>
<context>
    <name>Scenario/close-at-once</name>
    <message>
        <source>Close at once on end of file (three segments)</source>
        <comment>title</comment>
        <translation>Sofort schließen bei Dateiende (drei Segmente)</translation>
    </message>
    <message>
        <source>After a short request, the server closes the moment read() returns 0, before its delayed ACK of the client&apos;s FIN has left: that ACK rides on the server&apos;s FIN, and the close takes three segments: FIN, FIN+ACK, ACK.</source>
        <comment>description</comment>
        <translation>Nach einer kurzen Anfrage schließt der Server in dem Moment, in dem read() 0 zurückgibt, bevor sein verzögertes ACK für das FIN des Clients hinaus ist: Dieses ACK fährt auf dem FIN des Servers mit, und der Verbindungsabbau braucht drei Segmente: FIN, FIN+ACK, ACK.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(), and the client writes a request, &quot;hello&quot; and a newline: one segment of 6 bytes, held on the wire.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf, und der Client schreibt eine Anfrage, „hello“ und einen Zeilenumbruch: ein Segment mit 6 Bytes, auf der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>The request arrives: read() returns its 6 bytes, and the server&apos;s kernel acknowledges them at once, ACK J+7 (a new connection starts in quick-ACK mode).</source>
        <comment>step 8</comment>
        <translation>Die Anfrage kommt an: read() gibt ihre 6 Bytes zurück, und der Kernel des Servers bestätigt sie sofort, ACK J+7 (eine neue Verbindung beginnt im Quick-ACK-Modus).</translation>
    </message>
    <message>
        <source>The server calls read(), and will call close() the moment it returns 0, as a program that closes on end of file does.</source>
        <comment>step 9</comment>
        <translation>Der Server ruft read() auf und wird close() in dem Moment aufrufen, in dem es 0 zurückgibt, wie ein Programm, das bei Dateiende schließt.</translation>
    </message>
    <message>
        <source>The ACK arrives. The client calls close(): its kernel sends FIN M (the active close) and the client enters FIN_WAIT_1.</source>
        <comment>step 10</comment>
        <translation>Das ACK kommt an. Der Client ruft close() auf: Sein Kernel sendet FIN M (der aktive Verbindungsabbau), und der Client geht in FIN_WAIT_1.</translation>
    </message>
    <message>
        <source>The FIN arrives: read() returns 0 and the server calls close() in that very moment. Linux does not acknowledge a FIN at once but starts its delayed-ACK timer, and the close comes first: the ACK M+1 has not left yet, and it rides on the server&apos;s FIN N, &quot;FIN N, ACK M+1&quot;.</source>
        <comment>step 11</comment>
        <translation>Das FIN kommt an: read() gibt 0 zurück, und der Server ruft im selben Moment close() auf. Linux bestätigt ein FIN nicht sofort, sondern startet seinen Delayed-ACK-Timer, und das Schließen kommt zuerst: Das ACK M+1 ist noch nicht hinaus und fährt auf dem FIN N des Servers mit, „FIN N, ACK M+1“.</translation>
    </message>
    <message>
        <source>The FIN, ACK arrives: the client&apos;s kernel answers ACK N+1 and enters TIME_WAIT. Three segments instead of four.</source>
        <comment>step 12</comment>
        <translation>Das FIN, ACK kommt an: Der Kernel des Clients antwortet mit ACK N+1 und geht in TIME_WAIT. Drei Segmente statt vier.</translation>
    </message>
    <message>
        <source>The last ACK arrives: the server&apos;s connection is CLOSED; the client stays in TIME_WAIT.</source>
        <comment>step 13</comment>
        <translation>Das letzte ACK kommt an: Die Verbindung des Servers ist CLOSED; der Client bleibt in TIME_WAIT.</translation>
    </message>
</context>
<context>
    <name>Scenario/data-and-acks</name>
    <message>
        <source>Data, acknowledgements and the window</source>
        <comment>title</comment>
        <translation>Daten, Bestätigungen und das Fenster</translation>
    </message>
    <message>
        <source>Three small writes with TCP_NODELAY leave as three segments; the server acknowledges the first at once and the other two with one delayed ACK; read() returns bytes, not segments. Then a big write fills the server&apos;s small receive buffer: its window drops to 0, the sender waits, and the server&apos;s read() opens the window again with a window update. (The hosts run without the tail-loss probe and with a 2 s minimum retransmission timeout, so no timer resends a segment while the wire holds it.)</source>
        <comment>description</comment>
        <translation>Drei kleine Schreibaufrufe mit TCP_NODELAY gehen als drei Segmente hinaus; der Server bestätigt das erste sofort und die beiden anderen mit einem verzögerten ACK; read() liefert Bytes, keine Segmente. Dann füllt ein großer Schreibaufruf den kleinen Empfangspuffer des Servers: Sein Fenster fällt auf 0, der Sender wartet, und read() des Servers öffnet das Fenster wieder mit einer Fensteraktualisierung. (Die Hosts laufen ohne Tail-Loss-Probe und mit mindestens 2 s Wiederholungs-Timeout, damit kein Timer ein Segment erneut sendet, während die Leitung es festhält.)</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The client sets TCP_NODELAY: each small write() now leaves at once as its own segment (Nagle&apos;s algorithm would hold it while earlier data is unacknowledged).</source>
        <comment>step 7</comment>
        <translation>Der Client setzt TCP_NODELAY: Jedes kleine write() geht jetzt sofort als eigenes Segment hinaus (der Nagle-Algorithmus würde es zurückhalten, solange frühere Daten unbestätigt sind).</translation>
    </message>
    <message>
        <source>write(&quot;one &quot;): one segment with 4 bytes, held on the wire.</source>
        <comment>step 8</comment>
        <translation>write(&quot;one &quot;): ein Segment mit 4 Bytes, auf der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>write(&quot;two &quot;): a second segment, right behind the first; no ACK is needed before sending it.</source>
        <comment>step 9</comment>
        <translation>write(&quot;two &quot;): ein zweites Segment, direkt hinter dem ersten; vor dem Senden ist kein ACK nötig.</translation>
    </message>
    <message>
        <source>write(&quot;three&quot;): a third segment. Three writes, three segments, all in flight at once.</source>
        <comment>step 10</comment>
        <translation>write(&quot;three&quot;): ein drittes Segment. Drei Schreibaufrufe, drei Segmente, alle gleichzeitig unterwegs.</translation>
    </message>
    <message>
        <source>The wire delivers the three segments, one right behind the other. The server&apos;s kernel acknowledges the first at once (ACK J+5: a new connection starts in quick-ACK mode) and the other two together, with one delayed ACK J+14 a moment later. Two ACKs for three segments.</source>
        <comment>step 11</comment>
        <translation>Die Leitung stellt die drei Segmente direkt hintereinander zu. Der Kernel des Servers bestätigt das erste sofort (ACK J+5: eine neue Verbindung beginnt im Quick-ACK-Modus) und die beiden anderen zusammen, einen Moment später mit einem verzögerten ACK J+14. Zwei ACKs für drei Segmente.</translation>
    </message>
    <message>
        <source>The server calls read(): it returns all 13 bytes at once. TCP carries a stream of bytes; the boundaries of the writes are gone.</source>
        <comment>step 12</comment>
        <translation>Der Server ruft read() auf: Es liefert alle 13 Bytes auf einmal. TCP überträgt einen Bytestrom; die Grenzen der Schreibaufrufe sind verschwunden.</translation>
    </message>
    <message>
        <source>The client writes 3000 bytes at once. The server&apos;s receive buffer is small (this scenario sets its tcp_rmem to 4 KB): the client&apos;s kernel sends two segments, all that the announced window allows, and the server acknowledges both with one delayed ACK that announces a window of 0. The rest waits in the client&apos;s send buffer.</source>
        <comment>step 13</comment>
        <translation>Der Client schreibt 3000 Bytes auf einmal. Der Empfangspuffer des Servers ist klein (dieses Szenario setzt sein tcp_rmem auf 4 KB): Der Kernel des Clients sendet zwei Segmente, so viel, wie das angekündigte Fenster erlaubt, und der Server bestätigt beide mit einem verzögerten ACK, das ein Fenster von 0 ankündigt. Der Rest wartet im Sendepuffer des Clients.</translation>
    </message>
    <message>
        <source>The server reads: its buffer empties, and its kernel at once sends a window update, an ACK that acknowledges nothing new but announces room again, {win:server}. The client&apos;s kernel sends two more segments that fill it, and the server acknowledges both with one delayed ACK that announces a window of 0 again; the last 56 bytes wait.</source>
        <comment>step 14</comment>
        <translation>Der Server liest: Sein Puffer leert sich, und sein Kernel sendet sofort eine Fensteraktualisierung, ein ACK, das nichts Neues bestätigt, aber wieder Platz ankündigt, {win:server}. Der Kernel des Clients sendet zwei weitere Segmente, die ihn füllen, und der Server bestätigt beide mit einem verzögerten ACK, das wieder ein Fenster von 0 ankündigt; die letzten 56 Bytes warten.</translation>
    </message>
</context>
<context>
    <name>Scenario/fast-retransmit</name>
    <message>
        <source>Fast retransmit after three duplicate ACKs, with and without SACK</source>
        <comment>title</comment>
        <translation>Fast Retransmit nach drei doppelten ACKs, mit und ohne SACK</translation>
    </message>
    <message>
        <source>The wire drops one segment of five. Each later segment draws a duplicate ACK; after the third, the sender resends the lost segment at once, without waiting for its retransmission timer. With SACK the duplicate ACKs say which bytes arrived; then the same with SACK off. The tail-loss probe is off in both hosts (tcp_early_retrans = 0), and so is RACK&apos;s reordering timer where the kernel lets it be turned off (tcp_recovery = 0).</source>
        <comment>description</comment>
        <translation>Die Leitung verwirft eines von fünf Segmenten. Jedes spätere Segment löst ein doppeltes ACK aus; nach dem dritten sendet der Sender das verlorene Segment sofort noch einmal, ohne auf seinen Wiederholungs-Timer zu warten. Mit SACK sagen die doppelten ACKs, welche Bytes angekommen sind; danach dasselbe ohne SACK. Die Tail-Loss-Probe ist in beiden Hosts aus (tcp_early_retrans = 0), ebenso der Umordnungs-Timer von RACK, wo der Kernel ihn abschalten lässt (tcp_recovery = 0).</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(); the client calls socket(), sets TCP_NODELAY and calls connect(). The wire delivers by itself for now: the handshake runs through, and both SYNs offer SACK (the SACK-permitted option), so both kernels will use SACK blocks.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf; der Client ruft socket() auf, setzt TCP_NODELAY und ruft connect() auf. Vorerst stellt die Leitung von selbst zu: Der Handschlag läuft durch, und beide SYNs bieten SACK an (die Option SACK-permitted), also werden beide Kernel SACK-Blöcke verwenden.</translation>
    </message>
    <message>
        <source>The client writes 7240 bytes at once. Its kernel cuts them into five segments of 1448 bytes, the most one segment may carry here, and sends all five: seq J+1, J+1449, J+2897, J+4345 and J+5793. From now on the wire holds every segment in both directions.</source>
        <comment>step 3</comment>
        <translation>Der Client schreibt 7240 Bytes auf einmal. Sein Kernel teilt sie in fünf Segmente zu 1448 Bytes, das meiste, was ein Segment hier tragen darf, und sendet alle fünf: seq J+1, J+1449, J+2897, J+4345 und J+5793. Ab jetzt hält die Leitung jedes Segment in beiden Richtungen fest.</translation>
    </message>
    <message>
        <source>The wire delivers the first segment, and the server&apos;s ACK of it: ACK J+1449, the next byte the server expects.</source>
        <comment>step 4</comment>
        <translation>Die Leitung stellt das erste Segment zu und das ACK des Servers darauf: ACK J+1449, das nächste Byte, das der Server erwartet.</translation>
    </message>
    <message>
        <source>The wire drops the second segment, seq J+1449. The client&apos;s kernel does not know yet.</source>
        <comment>step 5</comment>
        <translation>Die Leitung verwirft das zweite Segment, seq J+1449. Der Kernel des Clients weiß davon noch nichts.</translation>
    </message>
    <message>
        <source>The third segment arrives, but the server&apos;s kernel still misses seq J+1449: it keeps the bytes in its out-of-order queue and answers at once with the same ACK again, ACK J+1449 — a duplicate ACK. Its SACK block, J+2897:J+4345, says which bytes past the hole did arrive.</source>
        <comment>step 6</comment>
        <translation>Das dritte Segment kommt an, aber dem Kernel des Servers fehlt noch seq J+1449: Er behält die Bytes in seiner Out-of-order-Warteschlange und antwortet sofort noch einmal mit demselben ACK, ACK J+1449 – ein doppeltes ACK. Sein SACK-Block, J+2897:J+4345, sagt, welche Bytes hinter der Lücke angekommen sind.</translation>
    </message>
    <message>
        <source>The fourth segment arrives: a second duplicate ACK, ACK J+1449 again, and the SACK block grows to J+2897:J+5793.</source>
        <comment>step 7</comment>
        <translation>Das vierte Segment kommt an: ein zweites doppeltes ACK, wieder ACK J+1449, und der SACK-Block wächst auf J+2897:J+5793.</translation>
    </message>
    <message>
        <source>The fifth segment arrives: a third duplicate ACK, SACK J+2897:J+7241. Nothing has reached the client yet: the wire holds the three duplicate ACKs.</source>
        <comment>step 8</comment>
        <translation>Das fünfte Segment kommt an: ein drittes doppeltes ACK, SACK J+2897:J+7241. Beim Client ist noch nichts angekommen: Die Leitung hält die drei doppelten ACKs fest.</translation>
    </message>
    <message>
        <source>The wire delivers the three duplicate ACKs. Three segments past the hole have arrived, so the segment is taken for lost, not late, and the client&apos;s kernel resends seq J+1449 at once — a fast retransmission, {resend:client} after its first copy, long before its retransmission timer (at least 200 ms) would run out. The SACK blocks tell it that only these 1448 bytes are missing: it resends nothing else.</source>
        <comment>step 9</comment>
        <translation>Die Leitung stellt die drei doppelten ACKs zu. Drei Segmente hinter der Lücke sind angekommen, also gilt das Segment als verloren, nicht als verspätet, und der Kernel des Clients sendet seq J+1449 sofort noch einmal – eine Fast Retransmission, {resend:client} nach der ersten Kopie, lange bevor sein Wiederholungs-Timer (mindestens 200 ms) abliefe. Die SACK-Blöcke sagen ihm, dass nur diese 1448 Bytes fehlen: Sonst sendet er nichts noch einmal.</translation>
    </message>
    <message>
        <source>The wire delivers the resent segment, and the server&apos;s ACK. It fills the hole: the server&apos;s kernel moves the three segments it kept in its out-of-order queue into the socket behind it and acknowledges all 7240 bytes at once, ACK J+7241; the server&apos;s read() returns them, in order.</source>
        <comment>step 10</comment>
        <translation>Die Leitung stellt das wiederholte Segment zu und das ACK des Servers. Es schließt die Lücke: Der Kernel des Servers gibt die drei Segmente aus seiner Out-of-order-Warteschlange dahinter an den Socket und bestätigt alle 7240 Bytes auf einmal, ACK J+7241; read() des Servers gibt sie zurück, in der richtigen Reihenfolge.</translation>
    </message>
    <message>
        <source>Now the same without SACK: both hosts set net.ipv4.tcp_sack = 0, which a kernel reads when a connection starts. The server calls accept() again and the client opens a second connection (J′, K′); its SYNs offer no SACK.</source>
        <comment>step 11</comment>
        <translation>Jetzt dasselbe ohne SACK: Beide Hosts setzen net.ipv4.tcp_sack = 0, was ein Kernel liest, wenn eine Verbindung beginnt. Der Server ruft wieder accept() auf, und der Client öffnet eine zweite Verbindung (J′, K′); ihre SYNs bieten kein SACK an.</translation>
    </message>
    <message>
        <source>The client writes 7240 bytes at once. Its kernel cuts them into five segments of 1448 bytes, the most one segment may carry here, and sends all five: seq J′+1, J′+1449, J′+2897, J′+4345 and J′+5793. From now on the wire holds every segment in both directions.</source>
        <comment>step 12</comment>
        <translation>Der Client schreibt 7240 Bytes auf einmal. Sein Kernel teilt sie in fünf Segmente zu 1448 Bytes, das meiste, was ein Segment hier tragen darf, und sendet alle fünf: seq J′+1, J′+1449, J′+2897, J′+4345 und J′+5793. Ab jetzt hält die Leitung jedes Segment in beiden Richtungen fest.</translation>
    </message>
    <message>
        <source>The wire delivers the first segment, and the server&apos;s ACK of it: ACK J′+1449, the next byte the server expects.</source>
        <comment>step 13</comment>
        <translation>Die Leitung stellt das erste Segment zu und das ACK des Servers darauf: ACK J′+1449, das nächste Byte, das der Server erwartet.</translation>
    </message>
    <message>
        <source>The wire drops the second segment, seq J′+1449. The client&apos;s kernel does not know yet.</source>
        <comment>step 14</comment>
        <translation>Die Leitung verwirft das zweite Segment, seq J′+1449. Der Kernel des Clients weiß davon noch nichts.</translation>
    </message>
    <message>
        <source>The third segment arrives after the hole. The server&apos;s kernel keeps it and answers at once with ACK J′+1449 again — a duplicate ACK. Without SACK it carries no block: it says only that some segment arrived, not which.</source>
        <comment>step 15</comment>
        <translation>Das dritte Segment kommt hinter der Lücke an. Der Kernel des Servers behält es und antwortet sofort noch einmal mit ACK J′+1449 – ein doppeltes ACK. Ohne SACK trägt es keinen Block: Es sagt nur, dass irgendein Segment angekommen ist, nicht welches.</translation>
    </message>
    <message>
        <source>The fourth segment arrives: a second duplicate ACK, ACK J′+1449 again, with no block.</source>
        <comment>step 16</comment>
        <translation>Das vierte Segment kommt an: ein zweites doppeltes ACK, wieder ACK J′+1449, ohne Block.</translation>
    </message>
    <message>
        <source>The fifth segment arrives: a third duplicate ACK. The wire holds all three.</source>
        <comment>step 17</comment>
        <translation>Das fünfte Segment kommt an: ein drittes doppeltes ACK. Die Leitung hält alle drei fest.</translation>
    </message>
    <message>
        <source>The wire delivers the three duplicate ACKs. After the third, the client&apos;s kernel resends seq J′+1449 at once, {resend:client} after its first copy: fast retransmission works without SACK too, by counting duplicate ACKs (NewReno). What it cannot know without SACK blocks is which of the later segments arrived.</source>
        <comment>step 18</comment>
        <translation>Die Leitung stellt die drei doppelten ACKs zu. Nach dem dritten sendet der Kernel des Clients seq J′+1449 sofort noch einmal, {resend:client} nach der ersten Kopie: Fast Retransmission funktioniert auch ohne SACK, durch Zählen der doppelten ACKs (NewReno). Was er ohne SACK-Blöcke nicht wissen kann, ist, welche der späteren Segmente angekommen sind.</translation>
    </message>
    <message>
        <source>The wire delivers the resent segment, and the server&apos;s ACK. It fills the hole: the server&apos;s kernel moves the three segments it kept in its out-of-order queue into the socket behind it and acknowledges all 7240 bytes at once, ACK J′+7241; the server&apos;s read() returns them, in order.</source>
        <comment>step 19</comment>
        <translation>Die Leitung stellt das wiederholte Segment zu und das ACK des Servers. Es schließt die Lücke: Der Kernel des Servers gibt die drei Segmente aus seiner Out-of-order-Warteschlange dahinter an den Socket und bestätigt alle 7240 Bytes auf einmal, ACK J′+7241; read() des Servers gibt sie zurück, in der richtigen Reihenfolge.</translation>
    </message>
    <message>
        <source>The wire delivers by itself again; nothing is left to send.</source>
        <comment>step 20</comment>
        <translation>Die Leitung stellt wieder von selbst zu; es bleibt nichts zu senden.</translation>
    </message>
</context>
<context>
    <name>Scenario/filtered-port</name>
    <message>
        <source>A filtered port: connect() times out</source>
        <comment>title</comment>
        <translation>Ein gefilterter Port: connect() läuft in einen Timeout</translation>
    </message>
    <message>
        <source>The wire drops every SYN, as a firewall that silently discards them would. The client&apos;s kernel resends its SYN net.ipv4.tcp_syn_retries times (2 here), then connect() fails with ETIMEDOUT: silence, where a closed port answers with RST at once.</source>
        <comment>description</comment>
        <translation>Die Leitung verwirft jedes SYN, wie es eine Firewall täte, die sie stillschweigend wegwirft. Der Kernel des Clients sendet sein SYN net.ipv4.tcp_syn_retries-mal erneut (hier 2), dann scheitert connect() mit ETIMEDOUT: Stille, wo ein geschlossener Port sofort mit RST antwortet.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): a program is listening (LISTEN). But in this scenario the wire drops every SYN to it, as a firewall that silently discards them would: the port is filtered.</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ein Programm lauscht (LISTEN). Aber in diesem Szenario verwirft die Leitung jedes SYN an ihn, wie es eine Firewall täte, die sie stillschweigend wegwirft: Der Port ist gefiltert.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): SYN J, and connect() blocks (SYN_SENT). To keep the wait short, this scenario sets the client&apos;s net.ipv4.tcp_syn_retries to 2 (the default is 6) and its tcp_syn_linear_timeouts to 0 (newer kernels otherwise add four retries, 1 s apart, before the doubling).</source>
        <comment>step 2</comment>
        <translation>Der Client ruft socket() und connect() auf: SYN J, und connect() blockiert (SYN_SENT). Damit das Warten kurz bleibt, setzt dieses Szenario net.ipv4.tcp_syn_retries des Clients auf 2 (Standard ist 6) und seine tcp_syn_linear_timeouts auf 0 (neuere Kernel fügen sonst vor dem Verdoppeln vier Wiederholungen im Abstand von 1 s ein).</translation>
    </message>
    <message>
        <source>The wire drops the SYN. Nothing comes back — no SYN, ACK, no RST — so the client&apos;s kernel cannot tell a lost SYN from a dead host: after its retransmission timeout, {again:client}, it sends SYN J again (1st retry).</source>
        <comment>step 3</comment>
        <translation>Die Leitung verwirft das SYN. Nichts kommt zurück – kein SYN, ACK, kein RST –, also kann der Kernel des Clients ein verlorenes SYN nicht von einem toten Host unterscheiden: Nach seinem Wiederholungs-Timeout, {again:client}, sendet er SYN J noch einmal (1. Wiederholung).</translation>
    </message>
    <message>
        <source>Dropped again; {again:client} later — the timeout has doubled — SYN J once more (2nd retry). connect() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Wieder verworfen; {again:client} später – der Timeout hat sich verdoppelt – noch einmal SYN J (2. Wiederholung). connect() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>Dropped a third time. That was the last retry: the kernel waits one more timeout, sends nothing more, and gives up. connect() returns -1 with ETIMEDOUT and the socket is closed. Compare &quot;Connection refused&quot;: there an RST answered at once; here only silence, and the client has to wait it out.</source>
        <comment>step 5</comment>
        <translation>Ein drittes Mal verworfen. Das war die letzte Wiederholung: Der Kernel wartet noch einen Timeout ab, sendet nichts mehr und gibt auf. connect() gibt -1 mit ETIMEDOUT zurück, und der Socket ist geschlossen. Zum Vergleich „Verbindung abgewiesen“: Dort antwortete sofort ein RST; hier nur Stille, und der Client muss sie aussitzen.</translation>
    </message>
    <message>
        <source>The server&apos;s program never knew: no SYN reached its kernel, and it is still LISTENing. The client calls close(): its socket was already closed, so nothing is sent.</source>
        <comment>step 6</comment>
        <translation>Das Programm des Servers hat nie davon erfahren: Kein SYN hat seinen Kernel erreicht, und er ist weiter in LISTEN. Der Client ruft close() auf: Sein Socket war schon geschlossen, also wird nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>Scenario/half-close</name>
    <message>
        <source>Half-close with shutdown(SHUT_WR)</source>
        <comment>title</comment>
        <translation>Halbes Schließen mit shutdown(SHUT_WR)</translation>
    </message>
    <message>
        <source>The client calls shutdown(SHUT_WR): its FIN tells the server &apos;no more data from me&apos;, yet it keeps reading; the server sends more, then closes.</source>
        <comment>description</comment>
        <translation>Der Client ruft shutdown(SHUT_WR) auf: Sein FIN sagt dem Server „keine Daten mehr von mir“, und doch liest er weiter; der Server sendet noch etwas und schließt dann.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf: Es blockiert.</translation>
    </message>
    <message>
        <source>The client calls shutdown(SHUT_WR): its kernel sends FIN M, but the descriptor stays open for reading (FIN_WAIT_1).</source>
        <comment>step 8</comment>
        <translation>Der Client ruft shutdown(SHUT_WR) auf: Sein Kernel sendet FIN M, aber der Deskriptor bleibt zum Lesen offen (FIN_WAIT_1).</translation>
    </message>
    <message>
        <source>The FIN arrives: the server&apos;s read() returns 0, end of file, and its kernel acknowledges the FIN (delayed ACK M+1).</source>
        <comment>step 9</comment>
        <translation>Das FIN kommt an: read() des Servers gibt 0 zurück, Dateiende, und sein Kernel bestätigt das FIN (verzögertes ACK M+1).</translation>
    </message>
    <message>
        <source>The ACK arrives: the client is in FIN_WAIT_2, a half-closed connection: the server may still send.</source>
        <comment>step 10</comment>
        <translation>Das ACK kommt an: Der Client ist in FIN_WAIT_2, eine halb geschlossene Verbindung: Der Server darf noch senden.</translation>
    </message>
    <message>
        <source>The client calls read(); the server writes its last words. Data still flows from server to client.</source>
        <comment>step 11</comment>
        <translation>Der Client ruft read() auf; der Server schreibt seine letzten Worte. Es fließen noch Daten vom Server zum Client.</translation>
    </message>
    <message>
        <source>The data arrives: the client&apos;s read() returns it, though the client has shut down its own sending half.</source>
        <comment>step 12</comment>
        <translation>Die Daten kommen an: read() des Clients liefert sie, obwohl der Client seine eigene Senderichtung geschlossen hat.</translation>
    </message>
    <message>
        <source>The client reads again; the server calls close(): FIN N.</source>
        <comment>step 13</comment>
        <translation>Der Client liest wieder; der Server ruft close() auf: FIN N.</translation>
    </message>
    <message>
        <source>Everything in flight arrives: the client&apos;s read() returns 0, and its kernel answers the FIN and enters TIME_WAIT, even though its descriptor is still open.</source>
        <comment>step 14</comment>
        <translation>Alles, was unterwegs ist, kommt an: read() des Clients gibt 0 zurück, und sein Kernel beantwortet das FIN und geht in TIME_WAIT, obwohl sein Deskriptor noch offen ist.</translation>
    </message>
    <message>
        <source>The client closes its descriptor: nothing is sent, the connection is already in TIME_WAIT.</source>
        <comment>step 15</comment>
        <translation>Der Client schließt seinen Deskriptor: Nichts wird gesendet, die Verbindung ist schon in TIME_WAIT.</translation>
    </message>
</context>
<context>
    <name>Scenario/handshake</name>
    <message>
        <source>Three-way handshake</source>
        <comment>title</comment>
        <translation>Drei-Wege-Handschlag</translation>
    </message>
    <message>
        <source>connect() sends SYN J; the server&apos;s kernel answers SYN K, ACK J+1; the client&apos;s ACK K+1 completes it. connect() returns on the second segment, accept() on the third.</source>
        <comment>description</comment>
        <translation>connect() sendet SYN J; der Kernel des Servers antwortet mit SYN K, ACK J+1; das ACK K+1 des Clients schließt ihn ab. connect() kehrt beim zweiten Segment zurück, accept() beim dritten.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
</context>
<context>
    <name>Scenario/keepalive-half-open</name>
    <message>
        <source>Keep-alive finds a half-open connection</source>
        <comment>title</comment>
        <translation>Keep-alive findet eine halboffene Verbindung</translation>
    </message>
    <message>
        <source>The client turns keep-alive on with short times and waits in read() on an idle connection. Its probes are answered while the server lives; then the server&apos;s host reboots, a fresh kernel at the same address that knows nothing of the connection, and answers the next probe with RST: read() fails with ECONNRESET.</source>
        <comment>description</comment>
        <translation>Der Client schaltet Keep-alive mit kurzen Zeiten ein und wartet in read() auf einer ruhenden Verbindung. Seine Proben werden beantwortet, solange der Server lebt; dann startet der Host des Servers neu, ein frischer Kernel unter derselben Adresse, der nichts von der Verbindung weiß, und beantwortet die nächste Probe mit RST: read() scheitert mit ECONNRESET.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877, listen() and accept(), which blocks.</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877, listen() und accept() auf, das blockiert.</translation>
    </message>
    <message>
        <source>The client calls socket() and turns keep-alive on with setsockopt(): SO_KEEPALIVE 1; TCP_KEEPIDLE 1, the seconds of silence before the first probe (the default, net.ipv4.tcp_keepalive_time, is 7200: two hours); TCP_KEEPINTVL 1, the seconds between unanswered probes; TCP_KEEPCNT 3, the unanswered probes after which the kernel gives up.</source>
        <comment>step 2</comment>
        <translation>Der Client ruft socket() auf und schaltet Keep-alive mit setsockopt() ein: SO_KEEPALIVE 1; TCP_KEEPIDLE 1, die Sekunden Stille vor der ersten Probe (die Voreinstellung, net.ipv4.tcp_keepalive_time, ist 7200: zwei Stunden); TCP_KEEPINTVL 1, die Sekunden zwischen unbeantworteten Proben; TCP_KEEPCNT 3, die unbeantworteten Proben, nach denen der Kernel aufgibt.</translation>
    </message>
    <message>
        <source>connect(): SYN J, SYN K, ACK J+1, ACK K+1, delivered by the wire at once. Both sides are ESTABLISHED; accept() returns.</source>
        <comment>step 3</comment>
        <translation>connect(): SYN J, SYN K, ACK J+1, ACK K+1, von der Leitung sofort zugestellt. Beide Seiten sind ESTABLISHED; accept() kehrt zurück.</translation>
    </message>
    <message>
        <source>The client calls read() and waits; nobody sends anything. After TCP_KEEPIDLE of silence the client&apos;s kernel sends a keep-alive probe: an ACK with sequence number J, one below the next byte it would send, and no data, so that the peer has to answer. The server&apos;s kernel answers ACK J+1: the connection is alive. The program notices nothing; read() goes on waiting.</source>
        <comment>step 4</comment>
        <translation>Der Client ruft read() auf und wartet; niemand sendet etwas. Nach TCP_KEEPIDLE Stille sendet der Kernel des Clients eine Keep-alive-Probe: ein ACK mit der Sequenznummer J, eins unter dem nächsten Byte, das er senden würde, und ohne Daten, sodass die Gegenseite antworten muss. Der Kernel des Servers antwortet mit ACK J+1: Die Verbindung lebt. Das Programm merkt nichts; read() wartet weiter.</translation>
    </message>
    <message>
        <source>Silence again, and the client&apos;s kernel sends its next probe: keepalive, seq J. The wire holds it.</source>
        <comment>step 6</comment>
        <translation>Wieder Stille, und der Kernel des Clients sendet seine nächste Probe: keepalive, seq J. Die Leitung hält sie fest.</translation>
    </message>
    <message>
        <source>The probe arrives at the new kernel. It has no socket for these addresses and ports, so it answers as it answers any stray segment: RST K+1, the probe&apos;s acknowledgment number as its sequence number. The RST resets the client&apos;s connection (CLOSED), and the waiting read() returns -1 with ECONNRESET. Without keep-alive, read() would wait for ever for a peer that no longer exists.</source>
        <comment>step 7</comment>
        <translation>Die Probe erreicht den neuen Kernel. Er hat keinen Socket für diese Adressen und Ports, also antwortet er wie auf jedes verirrte Segment: RST K+1, mit der Bestätigungsnummer der Probe als Sequenznummer. Das RST setzt die Verbindung des Clients zurück (CLOSED), und das wartende read() gibt -1 mit ECONNRESET zurück. Ohne Keep-alive würde read() ewig auf eine Gegenseite warten, die es nicht mehr gibt.</translation>
    </message>
    <message>
        <source>The client calls close(): the connection is already gone, so nothing is sent.</source>
        <comment>step 8</comment>
        <translation>Der Client ruft close() auf: Die Verbindung ist schon fort, also wird nichts gesendet.</translation>
    </message>
    <message>
        <source>The server&apos;s host &quot;reboots&quot;: the lab puts a fresh network namespace with the same address, {addr:server}, in its place (marked on the server&apos;s side). Its new kernel knows nothing of the old connection, and the server&apos;s program is gone (its sockets: CLOSED). No segment leaves, as none would from a machine that lost power. The client cannot know: its connection stays ESTABLISHED, now half-open. From here on the wire holds the client&apos;s segments.</source>
        <comment>step 5</comment>
        <translation>Der Host des Servers „startet neu“: Das Labor setzt einen frischen Netzwerk-Namespace mit derselben Adresse, {addr:server}, an seine Stelle (auf der Seite des Servers markiert). Sein neuer Kernel weiß nichts von der alten Verbindung, und das Programm des Servers ist fort (seine Sockets: CLOSED). Kein Segment geht hinaus, wie keines von einer Maschine ohne Strom. Der Client kann es nicht wissen: Seine Verbindung bleibt ESTABLISHED, jetzt halboffen. Von hier an hält die Leitung die Segmente des Clients fest.</translation>
    </message>
</context>
<context>
    <name>Scenario/linger-timeout</name>
    <message>
        <source>SO_LINGER with a time: close() waits for the ACK of its FIN</source>
        <comment>title</comment>
        <translation>SO_LINGER mit einer Zeit: close() wartet auf das ACK seines FIN</translation>
    </message>
    <message>
        <source>With SO_LINGER on and a linger time, close() blocks until the peer has acknowledged the FIN, or the time runs out. First the ACK comes in time and close() returns then; then the FIN is lost, close() returns 0 after its 1 s, and the kernel goes on resending the FIN.</source>
        <comment>description</comment>
        <translation>Mit SO_LINGER an und einer Linger-Zeit blockiert close(), bis die Gegenseite das FIN bestätigt hat oder die Zeit abläuft. Zuerst kommt das ACK rechtzeitig, und close() kehrt dann zurück; dann geht das FIN verloren, close() gibt nach seiner 1 s 0 zurück, und der Kernel sendet das FIN weiter erneut.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(); the client calls socket() and connect(). For now the wire delivers by itself: the handshake runs through and both sides are ESTABLISHED.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf; der Client ruft socket() und connect() auf. Vorerst stellt die Leitung von selbst zu: Der Drei-Wege-Handschlag läuft durch, und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>The server calls read(), which blocks. The client sets SO_LINGER {on, 5 seconds}. From now on the wire holds every segment until it is told what to do.</source>
        <comment>step 3</comment>
        <translation>Der Server ruft read() auf, das blockiert. Der Client setzt SO_LINGER auf {on, 5 Sekunden}. Ab jetzt hält die Leitung jedes Segment fest, bis ihr gesagt wird, was zu tun ist.</translation>
    </message>
    <message>
        <source>The client calls close(): its kernel sends FIN M (FIN_WAIT_1), and close() does not return. With a linger time, close() waits until the FIN is acknowledged or the time runs out.</source>
        <comment>step 4</comment>
        <translation>Der Client ruft close() auf: Sein Kernel sendet FIN M (FIN_WAIT_1), und close() kehrt nicht zurück. Mit einer Linger-Zeit wartet close(), bis das FIN bestätigt ist oder die Zeit abläuft.</translation>
    </message>
    <message>
        <source>The FIN arrives: the server&apos;s read() returns 0 (end of file), and its kernel acknowledges the FIN, ACK M+1, held on the wire. The client&apos;s close() is still waiting.</source>
        <comment>step 5</comment>
        <translation>Das FIN kommt an: read() des Servers gibt 0 zurück (Dateiende), und sein Kernel bestätigt das FIN, ACK M+1, das auf der Leitung festgehalten wird. close() des Clients wartet weiter.</translation>
    </message>
    <message>
        <source>The ACK arrives: the FIN is acknowledged, so close() returns 0 — well within its 5 s — and the client is in FIN_WAIT_2.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Das FIN ist bestätigt, also gibt close() 0 zurück – weit innerhalb seiner 5 s –, und der Client ist in FIN_WAIT_2.</translation>
    </message>
    <message>
        <source>The server closes its end too, and the wire delivers by itself again: FIN N, ACK N+1. The client&apos;s first connection is in TIME_WAIT.</source>
        <comment>step 7</comment>
        <translation>Auch der Server schließt sein Ende, und die Leitung stellt wieder von selbst zu: FIN N, ACK N+1. Die erste Verbindung des Clients ist in TIME_WAIT.</translation>
    </message>
    <message>
        <source>A second connection: the server accepts again, the client connects again (primes mark this connection&apos;s numbers), and both sides are ESTABLISHED.</source>
        <comment>step 8</comment>
        <translation>Eine zweite Verbindung: Der Server nimmt wieder an, der Client verbindet sich wieder (Striche kennzeichnen die Nummern dieser Verbindung), und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>This time the client sets SO_LINGER {on, 1 second}, and the wire again holds every segment.</source>
        <comment>step 9</comment>
        <translation>Diesmal setzt der Client SO_LINGER auf {on, 1 Sekunde}, und die Leitung hält wieder jedes Segment fest.</translation>
    </message>
    <message>
        <source>The client calls close(): FIN M′, and close() waits for its ACK.</source>
        <comment>step 10</comment>
        <translation>Der Client ruft close() auf: FIN M′, und close() wartet auf dessen ACK.</translation>
    </message>
    <message>
        <source>The wire drops the FIN. close() keeps waiting; after its retransmission timeout, {again:client}, the client&apos;s kernel sends FIN M′ again.</source>
        <comment>step 11</comment>
        <translation>Die Leitung verwirft das FIN. close() wartet weiter; nach seinem Wiederholungs-Timeout, {again:client}, sendet der Kernel des Clients FIN M′ noch einmal.</translation>
    </message>
    <message>
        <source>The wire drops that copy too; {again:client} later — the timeout has doubled — FIN M′ once more. close() is still waiting.</source>
        <comment>step 12</comment>
        <translation>Die Leitung verwirft auch diese Kopie; {again:client} später – der Timeout hat sich verdoppelt – noch einmal FIN M′. close() wartet weiter.</translation>
    </message>
    <message>
        <source>Dropped again. The 1 s linger time runs out before the next copy is due, and close() returns 0: on Linux that is not an error, although the FIN was never acknowledged (not EWOULDBLOCK, as some books say).</source>
        <comment>step 13</comment>
        <translation>Wieder verworfen. Die Linger-Zeit von 1 s läuft ab, bevor die nächste Kopie fällig ist, und close() gibt 0 zurück: Unter Linux ist das kein Fehler, obwohl das FIN nie bestätigt wurde (nicht EWOULDBLOCK, wie manche Bücher sagen).</translation>
    </message>
    <message>
        <source>The program has no descriptor any more, but its kernel still has the connection (an orphan, in FIN_WAIT_1) and keeps trying. Now the wire lets segments through: the next copy of FIN M′ arrives, the server&apos;s kernel acknowledges it, ACK M′+1, and the orphan moves on to FIN_WAIT_2.</source>
        <comment>step 14</comment>
        <translation>Das Programm hat keinen Deskriptor mehr, aber sein Kernel hat die Verbindung noch (eine Waise, in FIN_WAIT_1) und versucht es weiter. Jetzt lässt die Leitung Segmente durch: Die nächste Kopie von FIN M′ kommt an, der Kernel des Servers bestätigt sie, ACK M′+1, und die Waise geht weiter nach FIN_WAIT_2.</translation>
    </message>
</context>
<context>
    <name>Scenario/lost-data-rto</name>
    <message>
        <source>A lost data segment: the retransmission timeout doubles</source>
        <comment>title</comment>
        <translation>Ein verlorenes Datensegment: Der Wiederholungs-Timeout verdoppelt sich</translation>
    </message>
    <message>
        <source>The wire drops a data segment twice. Each time, the client&apos;s kernel waits for its retransmission timeout (RTO) and sends the same bytes again; the second wait is twice the first. The tail-loss probe is turned off in both hosts so that only the RTO resends.</source>
        <comment>description</comment>
        <translation>Die Leitung verwirft ein Datensegment zweimal. Jedes Mal wartet der Kernel des Clients seinen Wiederholungs-Timeout (RTO) ab und sendet dieselben Bytes noch einmal; das zweite Warten ist doppelt so lang wie das erste. Die Tail-Loss-Probe ist auf beiden Hosts abgeschaltet, damit nur der RTO erneut sendet.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(). For this scenario the wire delivers by itself while the client calls socket() and connect(): the handshake runs through, connect() and accept() return, and both sides are ESTABLISHED.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf. Für dieses Szenario stellt die Leitung von selbst zu, während der Client socket() und connect() aufruft: Der Drei-Wege-Handschlag läuft durch, connect() und accept() kehren zurück, und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks, waiting for data.</source>
        <comment>step 3</comment>
        <translation>Der Server ruft read() auf: Es blockiert und wartet auf Daten.</translation>
    </message>
    <message>
        <source>The client calls write(&quot;hello\n&quot;): write() returns 6 at once — the bytes are in the client&apos;s send buffer — and its kernel sends them, seq J+1, len 6, and starts its retransmission timer.</source>
        <comment>step 4</comment>
        <translation>Der Client ruft write(„hello\n“) auf: write() gibt sofort 6 zurück – die Bytes liegen im Sendepuffer des Clients –, und sein Kernel sendet sie, seq J+1, len 6, und startet seinen Wiederholungs-Timer.</translation>
    </message>
    <message>
        <source>The wire drops the segment. No ACK comes back; when the retransmission timer runs out, {again:client} later, the client&apos;s kernel sends the same 6 bytes again (the RTO). Linux waits at least 200 ms by default, however short the round trip.</source>
        <comment>step 5</comment>
        <translation>Die Leitung verwirft das Segment. Kein ACK kommt zurück; als der Wiederholungs-Timer abläuft, {again:client} später, sendet der Kernel des Clients dieselben 6 Bytes noch einmal (der RTO). Linux wartet standardmäßig mindestens 200 ms, wie kurz die Umlaufzeit auch ist.</translation>
    </message>
    <message>
        <source>The wire drops the copy too. The kernel now waits twice as long before it tries again: each time the same segment is lost, the timeout doubles (exponential backoff), so this copy follows {again:client} after the last one. The timer bars beside the client&apos;s lifeline show what its kernel reports.</source>
        <comment>step 6</comment>
        <translation>Die Leitung verwirft auch die Kopie. Der Kernel wartet jetzt doppelt so lange, bevor er es noch einmal versucht: Jedes Mal, wenn dasselbe Segment verloren geht, verdoppelt sich der Timeout (exponentielles Backoff), also folgt diese Kopie {again:client} nach der letzten. Die Timer-Balken neben der Lebenslinie des Clients zeigen, was sein Kernel meldet.</translation>
    </message>
    <message>
        <source>The third copy arrives: read() returns the 6 bytes, &quot;hello\n&quot;, and the server&apos;s kernel acknowledges them, ACK J+7.</source>
        <comment>step 7</comment>
        <translation>Die dritte Kopie kommt an: read() liefert die 6 Bytes, „hello\n“, und der Kernel des Servers bestätigt sie, ACK J+7.</translation>
    </message>
    <message>
        <source>The ACK arrives: the client&apos;s kernel stops its retransmission timer and frees the 6 bytes from its send buffer. Nothing more is sent.</source>
        <comment>step 8</comment>
        <translation>Das ACK kommt an: Der Kernel des Clients stoppt seinen Wiederholungs-Timer und gibt die 6 Bytes in seinem Sendepuffer frei. Es wird nichts mehr gesendet.</translation>
    </message>
</context>
<context>
    <name>Scenario/lost-fin</name>
    <message>
        <source>A lost FIN and a lost last ACK: why TIME_WAIT exists</source>
        <comment>title</comment>
        <translation>Ein verlorenes FIN und ein verlorenes letztes ACK: wozu es TIME_WAIT gibt</translation>
    </message>
    <message>
        <source>The client&apos;s FIN is dropped and sent again after a timeout; later the client&apos;s last ACK is dropped, the server sends its FIN again, and the client, still in TIME_WAIT, can answer it.</source>
        <comment>description</comment>
        <translation>Das FIN des Clients wird verworfen und nach einem Timeout erneut gesendet; später wird das letzte ACK des Clients verworfen, der Server sendet sein FIN noch einmal, und der Client, noch in TIME_WAIT, kann es beantworten.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf: Es blockiert.</translation>
    </message>
    <message>
        <source>The client calls close(): its kernel sends FIN M (the active close) and the client enters FIN_WAIT_1.</source>
        <comment>step 8</comment>
        <translation>Der Client ruft close() auf: Sein Kernel sendet FIN M (der aktive Verbindungsabbau), und der Client geht in FIN_WAIT_1.</translation>
    </message>
    <message>
        <source>The wire drops the FIN. The client&apos;s kernel gets no ACK for it, and after its retransmission timeout sends FIN M again.</source>
        <comment>step 9</comment>
        <translation>Die Leitung verwirft das FIN. Der Kernel des Clients bekommt kein ACK dafür und sendet nach seinem Wiederholungs-Timeout FIN M noch einmal.</translation>
    </message>
    <message>
        <source>The FIN arrives this time: read() returns 0 and the server&apos;s kernel acknowledges it.</source>
        <comment>step 10</comment>
        <translation>Diesmal kommt das FIN an: read() gibt 0 zurück, und der Kernel des Servers bestätigt es.</translation>
    </message>
    <message>
        <source>The ACK arrives: the client is in FIN_WAIT_2.</source>
        <comment>step 11</comment>
        <translation>Das ACK kommt an: Der Client ist in FIN_WAIT_2.</translation>
    </message>
    <message>
        <source>The server calls close(): FIN N, LAST_ACK.</source>
        <comment>step 12</comment>
        <translation>Der Server ruft close() auf: FIN N, LAST_ACK.</translation>
    </message>
    <message>
        <source>The FIN arrives: the client answers ACK N+1 and enters TIME_WAIT.</source>
        <comment>step 13</comment>
        <translation>Das FIN kommt an: Der Client antwortet mit ACK N+1 und geht in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The wire drops that last ACK. The server, still in LAST_ACK, gets no answer and sends FIN N again after its timeout.</source>
        <comment>step 14</comment>
        <translation>Die Leitung verwirft dieses letzte ACK. Der Server, noch in LAST_ACK, bekommt keine Antwort und sendet nach seinem Timeout FIN N noch einmal.</translation>
    </message>
    <message>
        <source>The FIN arrives again: the client is still in TIME_WAIT, so its kernel knows the connection and sends ACK N+1 again. Without TIME_WAIT it would answer this FIN with RST, and the server&apos;s connection would end in a reset instead of an orderly close (its close() has long returned 0, so no program would hear of it).</source>
        <comment>step 15</comment>
        <translation>Das FIN kommt erneut an: Der Client ist noch in TIME_WAIT, also kennt sein Kernel die Verbindung und sendet ACK N+1 noch einmal. Ohne TIME_WAIT würde er dieses FIN mit RST beantworten, und die Verbindung des Servers endete mit einem Reset statt eines geordneten Verbindungsabbaus (sein close() hat längst 0 zurückgegeben, also würde kein Programm davon erfahren).</translation>
    </message>
    <message>
        <source>The ACK arrives: the server&apos;s connection is CLOSED.</source>
        <comment>step 16</comment>
        <translation>Das ACK kommt an: Die Verbindung des Servers ist CLOSED.</translation>
    </message>
</context>
<context>
    <name>Scenario/lost-syn</name>
    <message>
        <source>A lost SYN is sent again</source>
        <comment>title</comment>
        <translation>Ein verlorenes SYN wird erneut gesendet</translation>
    </message>
    <message>
        <source>The wire drops the client&apos;s SYN; connect() keeps waiting, and after its retransmission timeout the client&apos;s kernel sends the SYN again, with the same sequence number J.</source>
        <comment>description</comment>
        <translation>Die Leitung verwirft das SYN des Clients; connect() wartet weiter, und nach seinem Wiederholungs-Timeout sendet der Kernel des Clients das SYN noch einmal, mit derselben Sequenznummer J.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): SYN J.</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: SYN J.</translation>
    </message>
    <message>
        <source>The wire drops the SYN. connect() does not fail: the kernel waits for its retransmission timer ({resend:client} here) and sends SYN J again, the same sequence number.</source>
        <comment>step 4</comment>
        <translation>Die Leitung verwirft das SYN. connect() scheitert nicht: Der Kernel wartet auf seinen Wiederholungs-Timer (hier {resend:client}) und sendet SYN J noch einmal, mit derselben Sequenznummer.</translation>
    </message>
    <message>
        <source>This time the SYN arrives: the server&apos;s kernel answers SYN K, ACK J+1.</source>
        <comment>step 5</comment>
        <translation>Diesmal kommt das SYN an: Der Kernel des Servers antwortet mit SYN K, ACK J+1.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0, late but successful; ACK K+1.</source>
        <comment>step 6</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, spät, aber erfolgreich; ACK K+1.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED, and accept() returns.</source>
        <comment>step 7</comment>
        <translation>Das ACK kommt an: Der Server ist ESTABLISHED, und accept() kehrt zurück.</translation>
    </message>
</context>
<context>
    <name>Scenario/lost-synack</name>
    <message>
        <source>A lost SYN, ACK: both sides send again</source>
        <comment>title</comment>
        <translation>Ein verlorenes SYN, ACK: Beide Seiten senden erneut</translation>
    </message>
    <message>
        <source>The wire drops the server&apos;s SYN, ACK. Neither side knows which segment was lost, so both timers run out: the client sends its SYN again and the server its SYN, ACK. The second SYN, ACK completes the handshake; the late SYN gets an ACK.</source>
        <comment>description</comment>
        <translation>Die Leitung verwirft das SYN, ACK des Servers. Keine Seite weiß, welches Segment verloren ging, also laufen beide Timer ab: Der Client sendet sein SYN erneut und der Server sein SYN, ACK. Das zweite SYN, ACK schließt den Drei-Wege-Handschlag ab; das verspätete SYN bekommt ein ACK.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J, starts its retransmission timer and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, startet seinen Wiederholungs-Timer, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel answers SYN K, ACK J+1, keeps the half-open connection (SYN_RECV) and starts a timer of its own for the SYN, ACK.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers antwortet mit SYN K, ACK J+1, behält die halb offene Verbindung (SYN_RECV) und startet einen eigenen Timer für das SYN, ACK.</translation>
    </message>
    <message>
        <source>The wire drops the SYN, ACK. Neither side knows what was lost: the client hears nothing back to its SYN, the server nothing back to its SYN, ACK, and each kernel&apos;s timer runs out — 1 s for both. The client&apos;s started first, when its SYN left, the server&apos;s a fraction of a millisecond later, when that SYN arrived: SYN J is due first, but by so little that both copies leave in the same tick of the kernels&apos; clock ({resend:client} and {resend:server} after the first copies). The wire holds both.</source>
        <comment>step 5</comment>
        <translation>Die Leitung verwirft das SYN, ACK. Keine Seite weiß, was verloren ging: Der Client hört keine Antwort auf sein SYN, der Server keine auf sein SYN, ACK, und der Timer jedes Kernels läuft ab – 1 s bei beiden. Der des Clients startete zuerst, als sein SYN hinausging, der des Servers den Bruchteil einer Millisekunde später, als dieses SYN ankam: SYN J ist zuerst fällig, aber so knapp, dass beide Kopien im selben Takt der Kernel-Uhr hinausgehen ({resend:client} und {resend:server} nach den ersten Kopien). Die Leitung hält beide fest.</translation>
    </message>
    <message>
        <source>The server&apos;s second SYN, ACK arrives: connect() returns 0 and the client sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 6</comment>
        <translation>Das zweite SYN, ACK des Servers kommt an: connect() gibt 0 zurück, und der Client sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives ahead of the client&apos;s second SYN J, which the wire still holds (so the diagram marks the ACK out of order): the server is ESTABLISHED, and accept() returns.</source>
        <comment>step 7</comment>
        <translation>Das ACK kommt vor dem zweiten SYN J des Clients an, das die Leitung noch festhält (daher markiert das Diagramm das ACK als außer der Reihe): Der Server ist ESTABLISHED, und accept() kehrt zurück.</translation>
    </message>
    <message>
        <source>The client&apos;s second SYN J, still on the wire, arrives last. The server&apos;s connection is already ESTABLISHED: its kernel does not start a new one, but answers with an ACK of where it stands, ACK J+1 (a challenge ACK, RFC 5961).</source>
        <comment>step 8</comment>
        <translation>Das zweite SYN J des Clients, noch auf der Leitung, kommt zuletzt an. Die Verbindung des Servers ist schon ESTABLISHED: Sein Kernel beginnt keine neue, sondern antwortet mit einem ACK, das sagt, wo er steht, ACK J+1 (ein Challenge-ACK, RFC 5961).</translation>
    </message>
    <message>
        <source>The ACK arrives: it acknowledges nothing new, and the client&apos;s kernel lets it be. Both sides are ESTABLISHED, on one connection.</source>
        <comment>step 9</comment>
        <translation>Das ACK kommt an: Es bestätigt nichts Neues, und der Kernel des Clients lässt es dabei bewenden. Beide Seiten sind ESTABLISHED, auf einer Verbindung.</translation>
    </message>
</context>
<context>
    <name>Scenario/nagle</name>
    <message>
        <source>Nagle&apos;s algorithm, the delayed ACK, and TCP_NODELAY</source>
        <comment>title</comment>
        <translation>Der Nagle-Algorithmus, das verzögerte ACK und TCP_NODELAY</translation>
    </message>
    <message>
        <source>Small writes without TCP_NODELAY: Nagle&apos;s algorithm holds a byte until the ACK of the one before, and a receiver in delayed-ACK mode makes that ACK wait for its timer — the stall. With TCP_NODELAY the same writes leave at once.</source>
        <comment>description</comment>
        <translation>Kleine Schreibaufrufe ohne TCP_NODELAY: Der Nagle-Algorithmus hält ein Byte zurück, bis das ACK des vorigen da ist, und ein Empfänger im Modus für verzögerte ACKs lässt dieses ACK auf seinen Timer warten – der Stillstand. Mit TCP_NODELAY gehen dieselben Schreibaufrufe sofort hinaus.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(); the client calls socket() and connect(). The wire delivers by itself for now: the handshake runs through and both sides are ESTABLISHED.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf; der Client ruft socket() und connect() auf. Vorerst stellt die Leitung von selbst zu: Der Drei-Wege-Handschlag läuft durch, und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>A request and its answer, as interactive programs exchange them: the client writes &quot;GET\n&quot;, the server&apos;s read() returns it and the server writes &quot;OK\n&quot; right away. A new connection ACKs every segment at once; a reply sent this soon after a request tells the server&apos;s kernel that the connection is interactive, and from now on it delays its ACKs, hoping a reply can carry them (delayed-ACK mode).</source>
        <comment>step 3</comment>
        <translation>Eine Anfrage und ihre Antwort, wie interaktive Programme sie austauschen: Der Client schreibt „GET\n“, read() des Servers liefert es, und der Server schreibt sofort „OK\n“. Eine neue Verbindung bestätigt jedes Segment sofort; eine Antwort, die so kurz nach einer Anfrage gesendet wird, zeigt dem Kernel des Servers, dass die Verbindung interaktiv ist, und ab jetzt verzögert er seine ACKs in der Hoffnung, dass eine Antwort sie mitnehmen kann (Modus für verzögerte ACKs).</translation>
    </message>
    <message>
        <source>From now on the wire holds every segment. The client writes one byte, &quot;a&quot;: nothing it sent is unacknowledged, so Nagle&apos;s algorithm lets it go at once: seq J+5, len 1.</source>
        <comment>step 4</comment>
        <translation>Ab jetzt hält die Leitung jedes Segment fest. Der Client schreibt ein Byte, „a“: Nichts, was er gesendet hat, ist unbestätigt, also lässt der Nagle-Algorithmus es sofort hinaus: seq J+5, len 1.</translation>
    </message>
    <message>
        <source>The client writes &quot;b&quot;. write() returns 1, but no segment leaves: Nagle&apos;s algorithm holds a small segment while an earlier one is unacknowledged, to send the bytes together later.</source>
        <comment>step 5</comment>
        <translation>Der Client schreibt „b“. write() gibt 1 zurück, aber kein Segment geht hinaus: Der Nagle-Algorithmus hält ein kleines Segment zurück, solange ein früheres unbestätigt ist, um die Bytes später gemeinsam zu senden.</translation>
    </message>
    <message>
        <source>&quot;a&quot; arrives. The server&apos;s kernel, in delayed-ACK mode, does not ACK at once: it waits for its delayed-ACK timer, {delack:server} here, in case a reply could carry the ACK — but the server program has nothing to say. All that time &quot;b&quot; waits in the client: Nagle waits for the ACK, the ACK for the timer. That stall is Nagle meeting the delayed ACK.</source>
        <comment>step 6</comment>
        <translation>„a“ kommt an. Der Kernel des Servers bestätigt im Modus für verzögerte ACKs nicht sofort: Er wartet auf seinen Timer für verzögerte ACKs, hier {delack:server}, falls eine Antwort das ACK mitnehmen könnte – aber das Server-Programm hat nichts zu sagen. Die ganze Zeit wartet „b“ im Client: Nagle wartet auf das ACK, das ACK auf den Timer. Dieser Stillstand ist das Zusammentreffen von Nagle und verzögertem ACK.</translation>
    </message>
    <message>
        <source>The ACK arrives: nothing is unacknowledged any more, and the client&apos;s kernel sends the held byte at once, seq J+6, len 1.</source>
        <comment>step 7</comment>
        <translation>Das ACK kommt an: Nichts ist mehr unbestätigt, und der Kernel des Clients sendet das zurückgehaltene Byte sofort, seq J+6, len 1.</translation>
    </message>
    <message>
        <source>&quot;b&quot; arrives and the server&apos;s kernel acknowledges it, ACK J+7. Its delayed-ACK timer ran out with no reply to carry the ACK, so the kernel has left delayed-ACK mode.</source>
        <comment>step 8</comment>
        <translation>„b“ kommt an, und der Kernel des Servers bestätigt es, ACK J+7. Sein Timer für verzögerte ACKs ist abgelaufen, ohne dass eine Antwort das ACK mitnehmen konnte, also hat der Kernel den Modus für verzögerte ACKs verlassen.</translation>
    </message>
    <message>
        <source>The ACK arrives. Now the client sets TCP_NODELAY, which turns Nagle&apos;s algorithm off.</source>
        <comment>step 9</comment>
        <translation>Das ACK kommt an. Jetzt setzt der Client TCP_NODELAY, was den Nagle-Algorithmus abschaltet.</translation>
    </message>
    <message>
        <source>The client writes &quot;c&quot;: it leaves at once, seq J+7, len 1.</source>
        <comment>step 10</comment>
        <translation>Der Client schreibt „c“: Es geht sofort hinaus, seq J+7, len 1.</translation>
    </message>
    <message>
        <source>The client writes &quot;d&quot;: it leaves at once too, seq J+8, len 1, although &quot;c&quot; is not acknowledged (the wire still holds it). With TCP_NODELAY every small write is a segment of its own.</source>
        <comment>step 11</comment>
        <translation>Der Client schreibt „d“: Es geht ebenfalls sofort hinaus, seq J+8, len 1, obwohl „c“ nicht bestätigt ist (die Leitung hält es noch fest). Mit TCP_NODELAY ist jeder kleine Schreibaufruf ein eigenes Segment.</translation>
    </message>
    <message>
        <source>The wire delivers by itself again: &quot;c&quot; and &quot;d&quot; arrive, the server&apos;s kernel acknowledges each, and the server&apos;s read() returns &quot;abcd&quot; — four bytes from four writes.</source>
        <comment>step 12</comment>
        <translation>Die Leitung stellt wieder von selbst zu: „c“ und „d“ kommen an, der Kernel des Servers bestätigt jedes, und read() des Servers liefert „abcd“ – vier Bytes aus vier Schreibaufrufen.</translation>
    </message>
</context>
<context>
    <name>Scenario/options-in-syn</name>
    <message>
        <source>Options in the SYN</source>
        <comment>title</comment>
        <translation>Optionen im SYN</translation>
    </message>
    <message>
        <source>MSS, window scaling, SACK-permitted, timestamps and ECN in the SYN and the SYN, ACK, and what each side agreed; then the same with options turned off, first on the client&apos;s host, then on the server&apos;s. An option is used only when both SYNs carry it.</source>
        <comment>description</comment>
        <translation>MSS, Fensterskalierung, SACK-permitted, Zeitstempel und ECN im SYN und im SYN, ACK, und was jede Seite vereinbart hat; dann dasselbe mit abgeschalteten Optionen, erst auf dem Host des Clients, dann auf dem des Servers. Eine Option gilt nur, wenn beide SYNs sie tragen.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877, listen() and accept(): its kernel answers SYNs for that port by itself (LISTEN); accept() blocks until a connection is complete.</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877, listen() und accept() auf: sein Kernel beantwortet SYNs für diesen Port von selbst (LISTEN); accept() blockiert, bis eine Verbindung vollständig ist.</translation>
    </message>
    <message>
        <source>The client&apos;s host asks for ECN (tcp_ecn = 1). It calls socket() and connect(): SYN J, ECE, CWR carries the options {options:client}: the largest segment it takes, the shift of its window, that it understands SACK, and its first timestamp.</source>
        <comment>step 2</comment>
        <translation>Der Host des Clients fragt nach ECN (tcp_ecn = 1). Er ruft socket() und connect() auf: SYN J, ECE, CWR trägt die Optionen {options:client}: das größte Segment, das er annimmt, die Verschiebung seines Fensters, dass er SACK versteht, und seinen ersten Zeitstempel.</translation>
    </message>
    <message>
        <source>The server&apos;s host has Linux&apos;s defaults. Its SYN K, ACK J+1, ECE answers with {options:server}; ECE without CWR says it agrees to ECN. An option counts only when both SYNs carry it; here both carry all of them.</source>
        <comment>step 3</comment>
        <translation>Der Host des Servers hat die Vorgaben von Linux. Sein SYN K, ACK J+1, ECE antwortet mit {options:server}; ECE ohne CWR sagt, dass er ECN zustimmt. Eine Option zählt nur, wenn beide SYNs sie tragen; hier tragen beide alle.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0. Window scaling, SACK, timestamps and ECN are on for this connection: even the client&apos;s ACK K+1 carries a timestamp.</source>
        <comment>step 4</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück. Fensterskalierung, SACK, Zeitstempel und ECN sind für diese Verbindung an: selbst das ACK K+1 des Clients trägt einen Zeitstempel.</translation>
    </message>
    <message>
        <source>The ACK arrives: accept() returns. The connection keeps what its SYNs agreed, whatever the hosts&apos; settings say later.</source>
        <comment>step 5</comment>
        <translation>Das ACK kommt an: accept() kehrt zurück. Die Verbindung behält, was ihre SYNs vereinbart haben, was immer die Einstellungen der Hosts später sagen.</translation>
    </message>
    <message>
        <source>The client&apos;s host turns SACK, timestamps, window scaling and ECN off (net.ipv4.tcp_sack, tcp_timestamps, tcp_window_scaling and tcp_ecn = 0). The kernel reads them when a connection is made: the open one is not touched. The server calls accept() again.</source>
        <comment>step 6</comment>
        <translation>Der Host des Clients schaltet SACK, Zeitstempel, Fensterskalierung und ECN ab (net.ipv4.tcp_sack, tcp_timestamps, tcp_window_scaling und tcp_ecn = 0). Der Kernel liest sie, wenn eine Verbindung entsteht: die offene bleibt unberührt. Der Server ruft erneut accept() auf.</translation>
    </message>
    <message>
        <source>A second connection: the client&apos;s SYN J′ carries only {options:client}, and no ECE or CWR.</source>
        <comment>step 7</comment>
        <translation>Eine zweite Verbindung: der SYN J′ des Clients trägt nur {options:client} und kein ECE oder CWR.</translation>
    </message>
    <message>
        <source>The server&apos;s host still has every option on, but a SYN, ACK only answers what the SYN offered: {options:server}, and no ECE. This connection has no window scaling (its windows stay below 64 KiB), no SACK, no timestamps and no ECN.</source>
        <comment>step 8</comment>
        <translation>Der Host des Servers hat noch alle Optionen an, aber ein SYN, ACK beantwortet nur, was der SYN angeboten hat: {options:server}, und kein ECE. Diese Verbindung hat keine Fensterskalierung (ihre Fenster bleiben unter 64 KiB), kein SACK, keine Zeitstempel und kein ECN.</translation>
    </message>
    <message>
        <source>connect() returns 0, and the ACK K′+1 carries no option at all.</source>
        <comment>step 9</comment>
        <translation>connect() gibt 0 zurück, und das ACK K′+1 trägt gar keine Option.</translation>
    </message>
    <message>
        <source>accept() returns the second connection.</source>
        <comment>step 10</comment>
        <translation>accept() gibt die zweite Verbindung zurück.</translation>
    </message>
    <message>
        <source>Now the other way round: the client&apos;s host turns SACK, timestamps and window scaling back on, and the server&apos;s host turns SACK and timestamps off. The server calls accept() a third time.</source>
        <comment>step 11</comment>
        <translation>Nun umgekehrt: der Host des Clients schaltet SACK, Zeitstempel und Fensterskalierung wieder an, und der Host des Servers schaltet SACK und Zeitstempel ab. Der Server ruft ein drittes Mal accept() auf.</translation>
    </message>
    <message>
        <source>A third connection: the client&apos;s SYN J′′ offers {options:client} again.</source>
        <comment>step 12</comment>
        <translation>Eine dritte Verbindung: der SYN J′′ des Clients bietet wieder {options:client} an.</translation>
    </message>
    <message>
        <source>The server leaves out what its host has off: its SYN K′′, ACK J′′+1 carries {options:server}. Window scaling is on, since both SYNs carry it; SACK and timestamps are not.</source>
        <comment>step 13</comment>
        <translation>Der Server lässt weg, was sein Host abgeschaltet hat: sein SYN K′′, ACK J′′+1 trägt {options:server}. Fensterskalierung ist an, da beide SYNs sie tragen; SACK und Zeitstempel nicht.</translation>
    </message>
    <message>
        <source>connect() returns 0. The client had offered timestamps, but the server did not answer with one: the ACK K′′+1 carries none.</source>
        <comment>step 14</comment>
        <translation>connect() gibt 0 zurück. Der Client hatte Zeitstempel angeboten, aber der Server hat mit keinem geantwortet: das ACK K′′+1 trägt keinen.</translation>
    </message>
    <message>
        <source>accept() returns the third connection. Each side decides what it offers; what both SYNs carry is what the connection uses.</source>
        <comment>step 15</comment>
        <translation>accept() gibt die dritte Verbindung zurück. Jede Seite entscheidet, was sie anbietet; was beide SYNs tragen, nutzt die Verbindung.</translation>
    </message>
</context>
<context>
    <name>Scenario/qt-handshake-close</name>
    <message>
        <source>Qt: QTcpServer and QTcpSocket connect and close</source>
        <comment>title</comment>
        <translation>Qt: QTcpServer und QTcpSocket bauen eine Verbindung auf und schließen sie</translation>
    </message>
    <message>
        <source>The same handshake and close through Qt: QTcpServer calls accept() by itself and emits newConnection(); QTcpSocket emits connected(); on end of file Qt closes its side by itself, at once, with no call from the program. The server host ACKs at once (no delayed ACK), so the close takes the textbook&apos;s four segments on every run.</source>
        <comment>description</comment>
        <translation>Derselbe Verbindungsaufbau und -abbau mit Qt: QTcpServer ruft accept() von selbst auf und sendet newConnection(); QTcpSocket sendet connected(); bei Dateiende schließt Qt seine Seite von selbst, sofort, ohne Aufruf des Programms. Der Server-Host bestätigt sofort (kein verzögertes ACK), daher braucht der Verbindungsabbau bei jedem Lauf die vier Segmente des Lehrbuchs.</translation>
    </message>
    <message>
        <source>The server calls QTcpServer::listen(port 9877): Qt makes the socket, binds it and calls listen() (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft QTcpServer::listen(Port 9877) auf: Qt legt den Socket an, bindet ihn und ruft listen() auf (LISTEN).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel answers SYN K, ACK J+1; QTcpServer has not been involved yet.</source>
        <comment>step 3</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers antwortet mit SYN K, ACK J+1; QTcpServer war noch nicht beteiligt.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: the kernel completes connect(), sends ACK K+1, and QTcpSocket emits connected().</source>
        <comment>step 4</comment>
        <translation>Das SYN, ACK kommt an: Der Kernel schließt connect() ab, sendet ACK K+1, und QTcpSocket sendet connected().</translation>
    </message>
    <message>
        <source>The ACK arrives: the listener becomes readable, so QTcpServer calls accept() by itself, gets the connection&apos;s descriptor, and emits newConnection(). The program has called nothing yet.</source>
        <comment>step 5</comment>
        <translation>Das ACK kommt an: Der lauschende Socket wird lesbar, also ruft QTcpServer von selbst accept() auf, bekommt den Deskriptor der Verbindung und sendet newConnection(). Das Programm hat noch nichts aufgerufen.</translation>
    </message>
    <message>
        <source>The server calls nextPendingConnection(): it returns at once and hands over the QTcpSocket for the connection Qt already accepted; no system call, no segment.</source>
        <comment>step 6</comment>
        <translation>Der Server ruft nextPendingConnection() auf: Es kehrt sofort zurück und übergibt den QTcpSocket der Verbindung, die Qt schon angenommen hat; kein Systemaufruf, kein Segment.</translation>
    </message>
    <message>
        <source>The client calls disconnectFromHost(): nothing is left to write, so Qt closes the socket at once (FIN M) and emits disconnected() from inside the call, which returns at once all the same.</source>
        <comment>step 7</comment>
        <translation>Der Client ruft disconnectFromHost() auf: Es ist nichts mehr zu schreiben, also schließt Qt den Socket sofort (FIN M) und sendet disconnected() aus dem Aufruf heraus, der trotzdem sofort zurückkehrt.</translation>
    </message>
    <message>
        <source>The FIN arrives: the server&apos;s kernel ACKs it at once, ACK M+1 (this lab&apos;s server host never delays an ACK, so no timer races what follows). Qt&apos;s server socket reads end of file, emits errorOccurred(RemoteHostClosedError) and disconnected(), and closes its side by itself: FIN N. No close() call by the server program.</source>
        <comment>step 8</comment>
        <translation>Das FIN kommt an: Der Kernel des Servers bestätigt es sofort, ACK M+1 (der Server-Host dieses Labors verzögert nie ein ACK, damit kein Timer mit dem Folgenden konkurriert). Qts Server-Socket liest Dateiende, sendet errorOccurred(RemoteHostClosedError) und disconnected() und schließt seine Seite von selbst: FIN N. Kein close()-Aufruf durch das Server-Programm.</translation>
    </message>
    <message>
        <source>The server&apos;s ACK and then its FIN arrive: the client goes to FIN_WAIT_2, answers the FIN with ACK N+1 and enters TIME_WAIT.</source>
        <comment>step 9</comment>
        <translation>Das ACK und dann das FIN des Servers kommen an: Der Client geht in FIN_WAIT_2, beantwortet das FIN mit ACK N+1 und geht in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The last ACK arrives: the server&apos;s connection is CLOSED; the client stays in TIME_WAIT for 2MSL.</source>
        <comment>step 10</comment>
        <translation>Das letzte ACK kommt an: Die Verbindung des Servers ist CLOSED; der Client bleibt 2MSL lang in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The client calls QTcpSocket::connectToHost({addr:server}, 9877): Qt calls connect() and the kernel sends SYN J. The call returns at once; Qt will signal the result.</source>
        <comment>step 2</comment>
        <translation>Der Client ruft QTcpSocket::connectToHost({addr:server}, 9877) auf: Qt ruft connect() auf, und der Kernel sendet SYN J. Der Aufruf kehrt sofort zurück; Qt meldet das Ergebnis mit einem Signal.</translation>
    </message>
</context>
<context>
    <name>Scenario/refused</name>
    <message>
        <source>Connection refused</source>
        <comment>title</comment>
        <translation>Verbindung abgewiesen</translation>
    </message>
    <message>
        <source>The client connects to a port where nothing listens: the server&apos;s kernel answers the SYN with RST, and connect() fails with ECONNREFUSED.</source>
        <comment>description</comment>
        <translation>Der Client verbindet sich mit einem Port, auf dem niemand lauscht: Der Kernel des Servers beantwortet das SYN mit RST, und connect() scheitert mit ECONNREFUSED.</translation>
    </message>
    <message>
        <source>No program on the server listens on port 9877. The client calls socket() and connect(): SYN J.</source>
        <comment>step 1</comment>
        <translation>Kein Programm auf dem Server lauscht auf Port 9877. Der Client ruft socket() und connect() auf: SYN J.</translation>
    </message>
    <message>
        <source>The SYN arrives: no socket listens on that port, so the server&apos;s kernel answers with a reset: RST, ACK J+1.</source>
        <comment>step 2</comment>
        <translation>Das SYN kommt an: Kein Socket lauscht auf diesem Port, also antwortet der Kernel des Servers mit einem Reset: RST, ACK J+1.</translation>
    </message>
    <message>
        <source>The RST arrives: connect() fails with ECONNREFUSED.</source>
        <comment>step 3</comment>
        <translation>Das RST kommt an: connect() scheitert mit ECONNREFUSED.</translation>
    </message>
</context>
<context>
    <name>Scenario/reordered-and-duplicated</name>
    <message>
        <source>Segments reordered and duplicated: out-of-order queue, duplicate ACKs, D-SACK</source>
        <comment>title</comment>
        <translation>Segmente vertauscht und verdoppelt: Out-of-order-Warteschlange, doppelte ACKs, D-SACK</translation>
    </message>
    <message>
        <source>The wire delivers three segments last to first, then duplicates one. The receiver keeps early bytes in its out-of-order queue and answers each with a duplicate ACK and a SACK block; the copy of a segment it already has draws a D-SACK. The program reads every byte once, in order. The tail-loss probe is off in both hosts (tcp_early_retrans = 0), and so is RACK&apos;s reordering timer where the kernel lets it be turned off (tcp_recovery = 0).</source>
        <comment>description</comment>
        <translation>Die Leitung stellt drei Segmente vom letzten zum ersten zu und verdoppelt dann eines. Der Empfänger behält zu früh gekommene Bytes in seiner Out-of-order-Warteschlange und beantwortet jedes mit einem doppelten ACK und einem SACK-Block; die Kopie eines Segments, das er schon hat, löst ein D-SACK aus. Das Programm liest jedes Byte einmal, in der richtigen Reihenfolge. Die Tail-Loss-Probe ist in beiden Hosts aus (tcp_early_retrans = 0), ebenso der Umordnungs-Timer von RACK, wo der Kernel ihn abschalten lässt (tcp_recovery = 0).</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(); the client calls socket(), sets TCP_NODELAY and calls connect(). The wire delivers by itself for now: the handshake runs through, and both SYNs offer SACK.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf; der Client ruft socket() auf, setzt TCP_NODELAY und ruft connect() auf. Vorerst stellt die Leitung von selbst zu: Der Handschlag läuft durch, und beide SYNs bieten SACK an.</translation>
    </message>
    <message>
        <source>The client writes 4344 bytes at once: three segments of 1448 bytes, seq J+1, J+1449 and J+2897. From now on the wire holds every segment in both directions.</source>
        <comment>step 3</comment>
        <translation>Der Client schreibt 4344 Bytes auf einmal: drei Segmente zu 1448 Bytes, seq J+1, J+1449 und J+2897. Ab jetzt hält die Leitung jedes Segment in beiden Richtungen fest.</translation>
    </message>
    <message>
        <source>The wire reorders: it delivers the third segment first. The server&apos;s kernel cannot pass these bytes to the socket yet — the 2896 before them are missing — so it keeps them in its out-of-order queue and answers at once with a duplicate ACK: ACK J+1, the byte it still expects, with a SACK block, J+2897:J+4345, for the bytes it holds.</source>
        <comment>step 4</comment>
        <translation>Die Leitung vertauscht: Sie stellt das dritte Segment zuerst zu. Der Kernel des Servers kann diese Bytes noch nicht an den Socket weitergeben – die 2896 davor fehlen –, also behält er sie in seiner Out-of-order-Warteschlange und antwortet sofort mit einem doppelten ACK: ACK J+1, das Byte, das er noch erwartet, mit einem SACK-Block, J+2897:J+4345, für die Bytes, die er hat.</translation>
    </message>
    <message>
        <source>Then the second segment: another duplicate ACK, ACK J+1 again, and the SACK block now covers both segments the server holds, J+1449:J+4345.</source>
        <comment>step 5</comment>
        <translation>Dann das zweite Segment: noch ein doppeltes ACK, wieder ACK J+1, und der SACK-Block umfasst jetzt beide Segmente, die der Server hat, J+1449:J+4345.</translation>
    </message>
    <message>
        <source>The first segment arrives last. It fills the hole: the server&apos;s kernel moves all 4344 bytes into the socket in order and acknowledges them at once, ACK J+4345.</source>
        <comment>step 6</comment>
        <translation>Das erste Segment kommt als letztes an. Es schließt die Lücke: Der Kernel des Servers gibt alle 4344 Bytes in der richtigen Reihenfolge an den Socket und bestätigt sie sofort, ACK J+4345.</translation>
    </message>
    <message>
        <source>The wire delivers the server&apos;s three ACKs. The client&apos;s kernel sees two duplicate ACKs and then an ACK of everything: fewer than three duplicates, so it takes nothing for lost and resends nothing. Reordering this short is why a sender waits for three.</source>
        <comment>step 7</comment>
        <translation>Die Leitung stellt die drei ACKs des Servers zu. Der Kernel des Clients sieht zwei doppelte ACKs und dann ein ACK für alles: weniger als drei doppelte, also hält er nichts für verloren und sendet nichts noch einmal. Wegen so kurzer Vertauschungen wartet ein Sender auf drei.</translation>
    </message>
    <message>
        <source>The client writes 100 bytes more: seq J+4345, len 100.</source>
        <comment>step 8</comment>
        <translation>Der Client schreibt 100 weitere Bytes: seq J+4345, len 100.</translation>
    </message>
    <message>
        <source>The wire duplicates the segment, and delivers the first copy. The server&apos;s kernel acknowledges it: ACK J+4445.</source>
        <comment>step 9</comment>
        <translation>Die Leitung verdoppelt das Segment und stellt die erste Kopie zu. Der Kernel des Servers bestätigt sie: ACK J+4445.</translation>
    </message>
    <message>
        <source>The second copy arrives: bytes the server&apos;s kernel already has. It throws them away and answers at once with a duplicate ACK, ACK J+4445, whose SACK block, J+4345:J+4445, lies below the ACK: a D-SACK (RFC 2883). It tells the client that these bytes arrived twice, so a sender that had resent them would learn that its retransmission was needless.</source>
        <comment>step 10</comment>
        <translation>Die zweite Kopie kommt an: Bytes, die der Kernel des Servers schon hat. Er verwirft sie und antwortet sofort mit einem doppelten ACK, ACK J+4445, dessen SACK-Block, J+4345:J+4445, unterhalb des ACK liegt: ein D-SACK (RFC 2883). Es sagt dem Client, dass diese Bytes zweimal angekommen sind; ein Sender, der sie noch einmal gesendet hätte, erführe so, dass seine Sendewiederholung unnötig war.</translation>
    </message>
    <message>
        <source>The wire delivers the rest and then by itself again. The server calls read(): it returns 4444 bytes, every byte once and in the order it was written, although the wire reordered and duplicated segments.</source>
        <comment>step 11</comment>
        <translation>Die Leitung stellt den Rest zu und dann wieder von selbst. Der Server ruft read() auf: Es gibt 4444 Bytes zurück, jedes Byte einmal und in der Reihenfolge, in der es geschrieben wurde, obwohl die Leitung Segmente vertauscht und verdoppelt hat.</translation>
    </message>
</context>
<context>
    <name>Scenario/server-dies-mid-write</name>
    <message>
        <source>The server dies: a write gets RST, the next one EPIPE and SIGPIPE</source>
        <comment>title</comment>
        <translation>Der Server stirbt: Ein Schreibaufruf bekommt RST, der nächste EPIPE und SIGPIPE</translation>
    </message>
    <message>
        <source>The server process dies while the client is busy: its kernel sends FIN. The client&apos;s next write() still succeeds, and the server&apos;s kernel answers the data with RST; the write after that fails with EPIPE, and the kernel would raise SIGPIPE (UNP, chapter 5).</source>
        <comment>description</comment>
        <translation>Der Serverprozess stirbt, während der Client beschäftigt ist: Sein Kernel sendet FIN. Das nächste write() des Clients gelingt noch, und der Kernel des Servers beantwortet die Daten mit RST; das write() danach scheitert mit EPIPE, und der Kernel würde SIGPIPE auslösen (UNP, Kapitel 5).</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(); the client calls socket() and connect(). For now the wire delivers by itself: the handshake runs through and both sides are ESTABLISHED.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf; der Client ruft socket() und connect() auf. Vorerst stellt die Leitung von selbst zu: Der Drei-Wege-Handschlag läuft durch, und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>The server process that serves this connection dies (killed, or crashed; in UNP, the child the server forked): its kernel closes every descriptor it had and sends FIN N. The client&apos;s kernel acknowledges it, ACK N+1 (CLOSE_WAIT), but the client program is busy elsewhere (UNP&apos;s echo client waits for the user to type) and does not read: it knows nothing yet.</source>
        <comment>step 3</comment>
        <translation>Der Serverprozess, der diese Verbindung bedient, stirbt (beendet oder abgestürzt; in UNP das Kind, das der Server mit fork() erzeugt hat): Sein Kernel schließt jeden Deskriptor, den er hatte, und sendet FIN N. Der Kernel des Clients bestätigt es, ACK N+1 (CLOSE_WAIT), aber das Client-Programm ist anderweitig beschäftigt (der Echo-Client aus UNP wartet auf eine Eingabe des Benutzers) und liest nicht: Es weiß noch nichts.</translation>
    </message>
    <message>
        <source>The client writes &quot;hello\n&quot;. write() returns 6: the bytes are in the client&apos;s send buffer, and a FIN only says that the peer sends no more — it may still read. The kernel sends seq J+1, len 6 (the wire holds it from now on).</source>
        <comment>step 4</comment>
        <translation>Der Client schreibt „hello\n“. write() gibt 6 zurück: Die Bytes liegen im Sendepuffer des Clients, und ein FIN sagt nur, dass die Gegenseite nichts mehr sendet – lesen darf sie noch. Der Kernel sendet seq J+1, len 6 (ab jetzt hält die Leitung es fest).</translation>
    </message>
    <message>
        <source>The data arrives, but no process has that connection any more: the server&apos;s kernel answers with RST N+1, and its socket is gone (CLOSED).</source>
        <comment>step 5</comment>
        <translation>Die Daten kommen an, aber kein Prozess hat diese Verbindung mehr: Der Kernel des Servers antwortet mit RST N+1, und sein Socket ist weg (CLOSED).</translation>
    </message>
    <message>
        <source>The RST arrives: the client&apos;s connection is gone (CLOSED). The program still does not know.</source>
        <comment>step 6</comment>
        <translation>Das RST kommt an: Die Verbindung des Clients ist weg (CLOSED). Das Programm weiß es noch immer nicht.</translation>
    </message>
    <message>
        <source>The client writes again. This write() fails with EPIPE: the connection was reset. With it, the kernel raises SIGPIPE, whose default action ends the process — here the lab writes with MSG_NOSIGNAL, so SIGPIPE is recorded but not raised. A program that wants the EPIPE instead ignores SIGPIPE or passes MSG_NOSIGNAL too (UNP, chapter 5). Nothing is sent.</source>
        <comment>step 7</comment>
        <translation>Der Client schreibt noch einmal. Dieses write() scheitert mit EPIPE: Die Verbindung wurde zurückgesetzt. Dabei löst der Kernel SIGPIPE aus, dessen Standardaktion den Prozess beendet – hier schreibt das Labor mit MSG_NOSIGNAL, daher wird SIGPIPE aufgezeichnet, aber nicht ausgelöst. Ein Programm, das stattdessen das EPIPE will, ignoriert SIGPIPE oder übergibt ebenfalls MSG_NOSIGNAL (UNP, Kapitel 5). Es wird nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>Scenario/simultaneous-close</name>
    <message>
        <source>Simultaneous close</source>
        <comment>title</comment>
        <translation>Gleichzeitiger Verbindungsabbau</translation>
    </message>
    <message>
        <source>Both sides call close() at once; the FINs cross on the wire, both kernels go from FIN_WAIT_1 to CLOSING, acknowledge each other&apos;s FIN and end in TIME_WAIT.</source>
        <comment>description</comment>
        <translation>Beide Seiten rufen gleichzeitig close() auf; die FINs kreuzen sich auf der Leitung, beide Kernel gehen von FIN_WAIT_1 nach CLOSING, bestätigen das FIN des anderen und enden in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>Both programs call close() at the same time: each kernel sends its FIN and enters FIN_WAIT_1. The wire holds both: they are in flight at once.</source>
        <comment>step 7</comment>
        <translation>Beide Programme rufen gleichzeitig close() auf: Jeder Kernel sendet sein FIN und geht in FIN_WAIT_1. Die Leitung hält beide fest: Sie sind gleichzeitig unterwegs.</translation>
    </message>
    <message>
        <source>The FINs cross: each kernel receives a FIN while its own is unacknowledged, enters CLOSING and sends an ACK at once.</source>
        <comment>step 8</comment>
        <translation>Die FINs kreuzen sich: Jeder Kernel empfängt ein FIN, während sein eigenes noch unbestätigt ist, geht in CLOSING und sendet sofort ein ACK.</translation>
    </message>
    <message>
        <source>The ACKs arrive: both sides are in TIME_WAIT; both did an active close.</source>
        <comment>step 9</comment>
        <translation>Die ACKs kommen an: Beide Seiten sind in TIME_WAIT; beide haben aktiv geschlossen.</translation>
    </message>
</context>
<context>
    <name>Scenario/simultaneous-open</name>
    <message>
        <source>Simultaneous open</source>
        <comment>title</comment>
        <translation>Gleichzeitiger Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Two sockets bound to fixed ports connect() to each other at once: the SYNs cross, both kernels go through SYN_RCVD and answer SYN, ACK; no listen(), no accept().</source>
        <comment>description</comment>
        <translation>Zwei an feste Ports gebundene Sockets rufen gleichzeitig connect() zueinander auf: Die SYNs kreuzen sich, beide Kernel gehen durch SYN_RCVD und antworten mit SYN, ACK; kein listen(), kein accept().</translation>
    </message>
    <message>
        <source>The SYNs cross: each kernel, in SYN_SENT, receives a SYN, enters SYN_RCVD and sends SYN, ACK: its own SYN again, now acknowledging the other&apos;s.</source>
        <comment>step 4</comment>
        <translation>Die SYNs kreuzen sich: Jeder Kernel empfängt in SYN_SENT ein SYN, geht in SYN_RCVD und sendet SYN, ACK: sein eigenes SYN noch einmal, jetzt mit Bestätigung des anderen.</translation>
    </message>
    <message>
        <source>The SYN, ACKs arrive: both connections are ESTABLISHED, both connect() calls return 0, and each kernel acknowledges the other&apos;s SYN, ACK with an ACK. Six segments instead of the handshake&apos;s three.</source>
        <comment>step 5</comment>
        <translation>Die SYN, ACKs kommen an: Beide Verbindungen sind ESTABLISHED, beide connect()-Aufrufe geben 0 zurück, und jeder Kernel bestätigt das SYN, ACK des anderen mit einem ACK. Sechs Segmente statt der drei des Drei-Wege-Handschlags.</translation>
    </message>
    <message>
        <source>The wire delivers the two ACKs, then both sides close: each kernel sends its FIN (FIN M from the client, FIN N from the server), held on the wire; both are in FIN_WAIT_1.</source>
        <comment>step 6</comment>
        <translation>Die Leitung stellt die beiden ACKs zu, dann schließen beide Seiten: Jeder Kernel sendet sein FIN (FIN M vom Client, FIN N vom Server), auf der Leitung festgehalten; beide sind in FIN_WAIT_1.</translation>
    </message>
    <message>
        <source>The FINs cross: each kernel, in FIN_WAIT_1, receives the other&apos;s FIN before an ACK of its own, acknowledges it at once and enters CLOSING.</source>
        <comment>step 7</comment>
        <translation>Die FINs kreuzen sich: Jeder Kernel empfängt in FIN_WAIT_1 das FIN des anderen vor einem ACK für sein eigenes, bestätigt es sofort und geht in CLOSING.</translation>
    </message>
    <message>
        <source>The ACKs arrive: both sides enter TIME_WAIT. A simultaneous close, after a simultaneous open.</source>
        <comment>step 8</comment>
        <translation>Die ACKs kommen an: Beide Seiten gehen in TIME_WAIT. Ein gleichzeitiger Verbindungsabbau nach einem gleichzeitigen Verbindungsaufbau.</translation>
    </message>
    <message>
        <source>Each side makes a socket and binds it to a fixed port (client {addr:client} port 50001, server {addr:server} port 50002): each must know where the other&apos;s SYN comes from. Nobody calls listen().</source>
        <comment>step 1</comment>
        <translation>Jede Seite legt einen Socket an und bindet ihn an einen festen Port (Client {addr:client} Port 50001, Server {addr:server} Port 50002): Jede muss wissen, woher das SYN der anderen kommt. Niemand ruft listen() auf.</translation>
    </message>
    <message>
        <source>The client connects to {addr:server} port 50002: SYN J, held on the wire.</source>
        <comment>step 2</comment>
        <translation>Der Client verbindet sich mit {addr:server} Port 50002: SYN J, auf der Leitung festgehalten.</translation>
    </message>
    <message>
        <source>Before that SYN arrives, the server connects to {addr:client} port 50001: SYN K. Both sides are in SYN_SENT.</source>
        <comment>step 3</comment>
        <translation>Bevor dieses SYN ankommt, verbindet sich der Server mit {addr:client} Port 50001: SYN K. Beide Seiten sind in SYN_SENT.</translation>
    </message>
</context>
<context>
    <name>Scenario/teardown</name>
    <message>
        <source>Four-way close</source>
        <comment>title</comment>
        <translation>Verbindungsabbau mit vier Segmenten</translation>
    </message>
    <message>
        <source>After the handshake the client closes: FIN M, ACK M+1, the server&apos;s read() returns 0, its close() sends FIN N, ACK N+1; the client waits in TIME_WAIT.</source>
        <comment>description</comment>
        <translation>Nach dem Verbindungsaufbau schließt der Client: FIN M, ACK M+1, read() des Servers gibt 0 zurück, sein close() sendet FIN N, ACK N+1; der Client wartet in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks, as there is nothing to read yet.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf: Es blockiert, da es noch nichts zu lesen gibt.</translation>
    </message>
    <message>
        <source>The client calls close(): its kernel sends FIN M (the active close) and the client enters FIN_WAIT_1.</source>
        <comment>step 8</comment>
        <translation>Der Client ruft close() auf: Sein Kernel sendet FIN M (der aktive Verbindungsabbau), und der Client geht in FIN_WAIT_1.</translation>
    </message>
    <message>
        <source>The FIN arrives: the server&apos;s read() returns 0, end of file. Its kernel acknowledges the FIN with ACK M+1, a little later, as Linux delays that ACK; the server is in CLOSE_WAIT.</source>
        <comment>step 9</comment>
        <translation>Das FIN kommt an: read() des Servers gibt 0 zurück, Dateiende. Sein Kernel bestätigt das FIN mit ACK M+1, etwas später, da Linux dieses ACK verzögert; der Server ist in CLOSE_WAIT.</translation>
    </message>
    <message>
        <source>The ACK arrives: the client waits in FIN_WAIT_2 for the server&apos;s FIN.</source>
        <comment>step 10</comment>
        <translation>Das ACK kommt an: Der Client wartet in FIN_WAIT_2 auf das FIN des Servers.</translation>
    </message>
    <message>
        <source>The server calls close(): its kernel sends FIN N (the passive close) and the server enters LAST_ACK.</source>
        <comment>step 11</comment>
        <translation>Der Server ruft close() auf: Sein Kernel sendet FIN N (der passive Verbindungsabbau), und der Server geht in LAST_ACK.</translation>
    </message>
    <message>
        <source>The FIN arrives: the client&apos;s kernel answers ACK N+1 and enters TIME_WAIT.</source>
        <comment>step 12</comment>
        <translation>Das FIN kommt an: Der Kernel des Clients antwortet mit ACK N+1 und geht in TIME_WAIT.</translation>
    </message>
    <message>
        <source>The last ACK arrives: the server&apos;s connection is CLOSED; the client stays in TIME_WAIT for 2MSL, to answer a FIN sent again if this ACK had been lost.</source>
        <comment>step 13</comment>
        <translation>Das letzte ACK kommt an: Die Verbindung des Servers ist CLOSED; der Client bleibt 2MSL lang in TIME_WAIT, um ein erneut gesendetes FIN zu beantworten, falls dieses ACK verloren gegangen wäre.</translation>
    </message>
</context>
<context>
    <name>Scenario/time-wait-blocks-restart</name>
    <message>
        <source>TIME_WAIT blocks a server&apos;s restart; SO_REUSEADDR</source>
        <comment>title</comment>
        <translation>TIME_WAIT blockiert den Neustart eines Servers; SO_REUSEADDR</translation>
    </message>
    <message>
        <source>The server closes first, so its socket stays in TIME_WAIT on the server&apos;s port; a restarted server&apos;s bind() then fails with EADDRINUSE. SO_REUSEADDR helps on Linux only when the old listener had set it too, since the TIME_WAIT socket inherits it: shown both ways.</source>
        <comment>description</comment>
        <translation>Der Server schließt zuerst, also bleibt sein Socket in TIME_WAIT auf dem Port des Servers; das bind() eines neu gestarteten Servers scheitert dann mit EADDRINUSE. SO_REUSEADDR hilft unter Linux nur, wenn es auch der alte lauschende Socket gesetzt hatte, denn der TIME_WAIT-Socket erbt es: auf beide Arten gezeigt.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877, listen() and accept(); the client connects. The wire delivers by itself in this scenario: the handshake runs through and both sides are ESTABLISHED.</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877, listen() und accept() auf; der Client verbindet sich. Die Leitung stellt in diesem Szenario von selbst zu: Der Drei-Wege-Handschlag läuft durch, und beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>The server closes first: close() sends FIN N. The client&apos;s kernel acknowledges it, ACK N+1 (CLOSE_WAIT); the server is in FIN_WAIT_2.</source>
        <comment>step 2</comment>
        <translation>Der Server schließt zuerst: close() sendet FIN N. Der Kernel des Clients bestätigt es, ACK N+1 (CLOSE_WAIT); der Server ist in FIN_WAIT_2.</translation>
    </message>
    <message>
        <source>The client closes too: FIN M, ACK M+1. The server, which closed first, is left in TIME_WAIT on port 9877, for 60 s on Linux.</source>
        <comment>step 3</comment>
        <translation>Auch der Client schließt: FIN M, ACK M+1. Der Server, der zuerst geschlossen hat, bleibt in TIME_WAIT auf Port 9877, unter Linux für 60 s.</translation>
    </message>
    <message>
        <source>The server program closes its listening socket too, as it would when it exits: the CLOSED on the server&apos;s line is that socket. Nothing listens on port 9877 now, but the port is not free: the connection&apos;s socket is still in TIME_WAIT, the bar beside the line.</source>
        <comment>step 4</comment>
        <translation>Das Server-Programm schließt auch seinen lauschenden Socket, wie beim Beenden: Das CLOSED auf der Linie des Servers ist dieser Socket. Jetzt lauscht nichts mehr auf Port 9877, aber der Port ist nicht frei: Der Socket der Verbindung ist noch in TIME_WAIT, der Balken neben der Linie.</translation>
    </message>
    <message>
        <source>The server restarts: socket() and bind() to port 9877. bind() fails with EADDRINUSE, &quot;Address already in use&quot;: the TIME_WAIT socket is still using it.</source>
        <comment>step 5</comment>
        <translation>Der Server startet neu: socket() und bind() auf Port 9877. bind() scheitert mit EADDRINUSE, „Address already in use“: Der TIME_WAIT-Socket belegt ihn noch.</translation>
    </message>
    <message>
        <source>It tries once more, with SO_REUSEADDR set on the new socket first. bind() still fails, EADDRINUSE. On Linux SO_REUSEADDR lets a socket share its port with one in TIME_WAIT only if that one had SO_REUSEADDR too; the TIME_WAIT socket took its setting from the old listener, which had not set it.</source>
        <comment>step 6</comment>
        <translation>Er versucht es noch einmal, diesmal mit SO_REUSEADDR, zuerst auf dem neuen Socket gesetzt. bind() scheitert trotzdem, EADDRINUSE. Unter Linux lässt SO_REUSEADDR einen Socket seinen Port nur dann mit einem in TIME_WAIT teilen, wenn auch dieser SO_REUSEADDR hatte; der TIME_WAIT-Socket hat seine Einstellung vom alten lauschenden Socket übernommen, der es nicht gesetzt hatte.</translation>
    </message>
    <message>
        <source>The same again on port 9878 (9877 is still in TIME_WAIT), but this time the first server sets SO_REUSEADDR before bind(), as servers usually do. The client connects; both sides are ESTABLISHED.</source>
        <comment>step 7</comment>
        <translation>Dasselbe noch einmal auf Port 9878 (9877 ist noch in TIME_WAIT), aber diesmal setzt der erste Server SO_REUSEADDR vor bind(), wie es Server üblicherweise tun. Der Client verbindet sich; beide Seiten sind ESTABLISHED.</translation>
    </message>
    <message>
        <source>The server closes first again: FIN N′ (the primes mark the second connection&apos;s numbers), and the client&apos;s ACK N′+1. The server is in FIN_WAIT_2.</source>
        <comment>step 8</comment>
        <translation>Der Server schließt wieder zuerst: FIN N′ (die Striche kennzeichnen die Nummern der zweiten Verbindung), und das ACK N′+1 des Clients. Der Server ist in FIN_WAIT_2.</translation>
    </message>
    <message>
        <source>The client closes: FIN M′, ACK M′+1, and the server&apos;s socket is in TIME_WAIT on port 9878. It inherited SO_REUSEADDR from the listener that accepted it.</source>
        <comment>step 9</comment>
        <translation>Der Client schließt: FIN M′, ACK M′+1, und der Socket des Servers ist in TIME_WAIT auf Port 9878. Er hat SO_REUSEADDR von dem lauschenden Socket geerbt, der ihn angenommen hat.</translation>
    </message>
    <message>
        <source>The server closes its listening socket (CLOSED): port 9878 is held only by the socket in TIME_WAIT.</source>
        <comment>step 10</comment>
        <translation>Der Server schließt seinen lauschenden Socket (CLOSED): Port 9878 wird nur noch vom Socket in TIME_WAIT belegt.</translation>
    </message>
    <message>
        <source>The server restarts with SO_REUSEADDR set before bind(): this time bind() returns 0 and listen() succeeds, while the old connection is still in TIME_WAIT. Both sockets have SO_REUSEADDR, so they may share the port; a server that sets it can restart at once.</source>
        <comment>step 11</comment>
        <translation>Der Server startet neu, mit SO_REUSEADDR vor bind(): Diesmal gibt bind() 0 zurück, und listen() gelingt, während die alte Verbindung noch in TIME_WAIT ist. Beide Sockets haben SO_REUSEADDR, also dürfen sie sich den Port teilen; ein Server, der es setzt, kann sofort neu starten.</translation>
    </message>
</context>
<context>
    <name>Scenario/unread-data-reset</name>
    <message>
        <source>close() with unread data sends RST</source>
        <comment>title</comment>
        <translation>close() mit ungelesenen Daten sendet RST</translation>
    </message>
    <message>
        <source>The server closes while data it received is still unread: its kernel sends RST instead of FIN (RFC 2525 2.17), and the client&apos;s read() fails with ECONNRESET.</source>
        <comment>description</comment>
        <translation>Der Server schließt, während empfangene Daten noch ungelesen sind: Sein Kernel sendet RST statt FIN (RFC 2525 2.17), und read() des Clients scheitert mit ECONNRESET.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The client writes 5 bytes.</source>
        <comment>step 7</comment>
        <translation>Der Client schreibt 5 Bytes.</translation>
    </message>
    <message>
        <source>The data arrives and the server&apos;s kernel acknowledges it at once, ACK J+6 (a new connection starts in quick-ACK mode). No program reads it.</source>
        <comment>step 8</comment>
        <translation>Die Daten kommen an, und der Kernel des Servers bestätigt sie sofort, ACK J+6 (eine neue Verbindung beginnt im Quick-ACK-Modus). Kein Programm liest sie.</translation>
    </message>
    <message>
        <source>The ACK arrives at the client.</source>
        <comment>step 9</comment>
        <translation>Das ACK kommt beim Client an.</translation>
    </message>
    <message>
        <source>The server calls close() with those 5 bytes unread: its kernel throws them away and sends RST K+1, ACK J+6 instead of FIN. The RST does not say what became of the data: the client will only learn that the connection was reset.</source>
        <comment>step 10</comment>
        <translation>Der Server ruft close() auf, während diese 5 Bytes ungelesen sind: Sein Kernel wirft sie weg und sendet RST K+1, ACK J+6 statt FIN. Das RST sagt nicht, was aus den Daten wurde: Der Client erfährt nur, dass die Verbindung zurückgesetzt wurde.</translation>
    </message>
    <message>
        <source>The client calls read(), and the RST arrives: read() fails with ECONNRESET.</source>
        <comment>step 11</comment>
        <translation>Der Client ruft read() auf, und das RST kommt an: read() scheitert mit ECONNRESET.</translation>
    </message>
</context>
<context>
    <name>Scenario/whole-connection</name>
    <message>
        <source>A whole connection: handshake, request, reply, close</source>
        <comment>title</comment>
        <translation>Eine ganze Verbindung: Verbindungsaufbau, Anfrage, Antwort, Verbindungsabbau</translation>
    </message>
    <message>
        <source>The life of a typical client-server exchange (UNP fig. 2.5): the handshake, a request and a reply, each acknowledged at once by its receiver, and the close.</source>
        <comment>description</comment>
        <translation>Der Ablauf eines typischen Client-Server-Austauschs (UNP Abb. 2.5): der Drei-Wege-Handschlag, eine Anfrage und eine Antwort, jeweils sofort vom Empfänger bestätigt, und der Verbindungsabbau.</translation>
    </message>
    <message>
        <source>The server calls socket(), bind() to port 9877 and listen(): from now on its kernel answers SYNs for that port by itself (LISTEN).</source>
        <comment>step 1</comment>
        <translation>Der Server ruft socket(), bind() auf Port 9877 und listen() auf: Ab jetzt beantwortet sein Kernel SYNs für diesen Port von selbst (LISTEN).</translation>
    </message>
    <message>
        <source>The server calls accept(): it blocks until a connection has completed the handshake.</source>
        <comment>step 2</comment>
        <translation>Der Server ruft accept() auf: Es blockiert, bis eine Verbindung den Drei-Wege-Handschlag abgeschlossen hat.</translation>
    </message>
    <message>
        <source>The client calls socket() and connect(): its kernel sends SYN J and connect() blocks (SYN_SENT).</source>
        <comment>step 3</comment>
        <translation>Der Client ruft socket() und connect() auf: Sein Kernel sendet SYN J, und connect() blockiert (SYN_SENT).</translation>
    </message>
    <message>
        <source>The SYN arrives: the server&apos;s kernel, not accept(), answers with its own SYN K and ACK J+1. accept() is still blocked.</source>
        <comment>step 4</comment>
        <translation>Das SYN kommt an: Der Kernel des Servers, nicht accept(), antwortet mit seinem eigenen SYN K und ACK J+1. accept() ist weiter blockiert.</translation>
    </message>
    <message>
        <source>The SYN, ACK arrives: connect() returns 0 and the client&apos;s kernel sends ACK K+1; the client is ESTABLISHED.</source>
        <comment>step 5</comment>
        <translation>Das SYN, ACK kommt an: connect() gibt 0 zurück, und der Kernel des Clients sendet ACK K+1; der Client ist ESTABLISHED.</translation>
    </message>
    <message>
        <source>The ACK arrives: the server is ESTABLISHED too, and only now does accept() return, with a new descriptor for the connection.</source>
        <comment>step 6</comment>
        <translation>Das ACK kommt an: Auch der Server ist ESTABLISHED, und erst jetzt kehrt accept() zurück, mit einem neuen Deskriptor für die Verbindung.</translation>
    </message>
    <message>
        <source>The server calls read(): it blocks until a request arrives.</source>
        <comment>step 7</comment>
        <translation>Der Server ruft read() auf: Es blockiert, bis eine Anfrage ankommt.</translation>
    </message>
    <message>
        <source>The client writes its request: write() returns as soon as the data is in its kernel&apos;s send buffer, and the kernel sends it as one segment.</source>
        <comment>step 8</comment>
        <translation>Der Client schreibt seine Anfrage: write() kehrt zurück, sobald die Daten im Sendepuffer seines Kernels sind, und der Kernel sendet sie als ein Segment.</translation>
    </message>
    <message>
        <source>The request arrives: the server&apos;s read() returns its 6 bytes, &quot;hello&quot; and a newline. The server&apos;s kernel acknowledges them at once with ACK J+7 (a new connection starts in quick-ACK mode), before the server has written a reply for the ACK to ride on.</source>
        <comment>step 9</comment>
        <translation>Die Anfrage kommt an: read() des Servers gibt ihre 6 Bytes zurück, „hello“ und einen Zeilenumbruch. Der Kernel des Servers bestätigt sie sofort mit ACK J+7 (eine neue Verbindung beginnt im Quick-ACK-Modus), bevor der Server eine Antwort geschrieben hat, auf der das ACK mitfahren könnte.</translation>
    </message>
    <message>
        <source>The client calls read() for the reply, and the server writes it.</source>
        <comment>step 10</comment>
        <translation>Der Client ruft read() für die Antwort auf, und der Server schreibt sie.</translation>
    </message>
    <message>
        <source>Everything in flight arrives: the client&apos;s read() returns the reply, 6 bytes, &quot;HELLO&quot; and a newline, and the client&apos;s kernel acknowledges it at once with ACK K+7.</source>
        <comment>step 11</comment>
        <translation>Alles, was unterwegs ist, kommt an: read() des Clients liefert die Antwort, 6 Bytes, „HELLO“ und einen Zeilenumbruch, und der Kernel des Clients bestätigt sie sofort mit ACK K+7.</translation>
    </message>
    <message>
        <source>From here on the wire delivers by itself. The server calls read() again, and the client close(): FIN M.</source>
        <comment>step 12</comment>
        <translation>Von hier an stellt die Leitung von selbst zu. Der Server ruft wieder read() auf, und der Client close(): FIN M.</translation>
    </message>
    <message>
        <source>The server&apos;s read() returned 0 (end of file): it closes too. Its kernel had not yet sent its delayed ACK of FIN M, so that ACK rides on its FIN: &quot;FIN N, ACK M+1&quot;. The client acknowledges it and enters TIME_WAIT.</source>
        <comment>step 13</comment>
        <translation>read() des Servers hat 0 zurückgegeben (Dateiende): Er schließt auch. Sein Kernel hatte sein verzögertes ACK für FIN M noch nicht gesendet, also fährt dieses ACK auf seinem FIN mit: „FIN N, ACK M+1“. Der Client bestätigt es und geht in TIME_WAIT.</translation>
    </message>
</context>
<context>
    <name>ScenarioFile</name>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>&quot;client&quot; or &quot;server&quot;</source>
        <translation>&quot;client&quot; oder &quot;server&quot;</translation>
    </message>
    <message>
        <source>a segment pattern object</source>
        <translation>ein Segmentmuster-Objekt</translation>
    </message>
    <message>
        <source>an array of flag names such as [&quot;SYN&quot;, &quot;ACK&quot;]</source>
        <translation>ein Array von Flag-Namen wie [&quot;SYN&quot;, &quot;ACK&quot;]</translation>
    </message>
    <message>
        <source>&quot;SYN&quot;, &quot;ACK&quot;, &quot;FIN&quot; or &quot;RST&quot;</source>
        <translation>&quot;SYN&quot;, &quot;ACK&quot;, &quot;FIN&quot; oder &quot;RST&quot;</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a TCP state such as &quot;ESTABLISHED&quot; or &quot;TIME_WAIT&quot;</source>
        <translation>ein TCP-Zustand wie &quot;ESTABLISHED&quot; oder &quot;TIME_WAIT&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no earlier call (give a call &quot;as&quot;: &quot;%1&quot;)</source>
        <translation>&quot;%1&quot; benennt keinen früheren Aufruf (geben Sie einem Aufruf &quot;as&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>unsupported version %1; this SynScope reads version %2</source>
        <translation>nicht unterstützte Version %1; dieses SynScope liest Version %2</translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;</source>
        <translation>Kleinbuchstaben, Ziffern und &apos;-&apos;</translation>
    </message>
    <message>
        <source>a non-empty array of steps</source>
        <translation>ein nicht leeres Array von Schritten</translation>
    </message>
    <message>
        <source>%1 steps; a scenario may have at most %2</source>
        <translation>%1 Schritte; ein Szenario darf höchstens %2 haben</translation>
    </message>
    <message>
        <source>an object with &quot;client&quot; and/or &quot;server&quot;</source>
        <translation>ein Objekt mit &quot;client&quot; und/oder &quot;server&quot;</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an object of sysctl names and values</source>
        <translation>ein Objekt aus sysctl-Namen und -Werten</translation>
    </message>
    <message>
        <source>only net.ipv4.tcp_* and net.core.* settings can be set in the lab</source>
        <translation>im Labor lassen sich nur Einstellungen net.ipv4.tcp_* und net.core.* setzen</translation>
    </message>
    <message>
        <source>an integer, or integers separated by spaces in a string</source>
        <translation>eine ganze Zahl oder durch Leerzeichen getrennte ganze Zahlen in einer Zeichenkette</translation>
    </message>
    <message>
        <source>a step object</source>
        <translation>ein Schritt-Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an action object</source>
        <translation>ein Aktions-Objekt</translation>
    </message>
    <message>
        <source>&quot;client-to-server&quot; or &quot;server-to-client&quot; (none: both)</source>
        <translation>&quot;client-to-server&quot; oder &quot;server-to-client&quot; (keins: beide)</translation>
    </message>
    <message>
        <source>&quot;step&quot; or &quot;auto&quot;</source>
        <translation>&quot;step&quot; oder &quot;auto&quot;</translation>
    </message>
    <message>
        <source>&quot;deliver&quot;, &quot;drop&quot;, &quot;duplicate&quot;, &quot;deliver-all&quot; or &quot;mode&quot;</source>
        <translation>&quot;deliver&quot;, &quot;drop&quot;, &quot;duplicate&quot;, &quot;deliver-all&quot; oder &quot;mode&quot;</translation>
    </message>
    <message>
        <source>&quot;bsd&quot; or &quot;qt&quot;</source>
        <translation>&quot;bsd&quot; oder &quot;qt&quot;</translation>
    </message>
    <message>
        <source>unknown %1 call &quot;%2&quot; (known: %3)</source>
        <translation>unbekannter %1-Aufruf &quot;%2&quot; (bekannt: %3)</translation>
    </message>
    <message>
        <source>%1() takes no arguments</source>
        <translation>%1() nimmt keine Argumente</translation>
    </message>
    <message>
        <source>%1() has no such argument (it takes: %2)</source>
        <translation>%1() hat kein solches Argument (es nimmt: %2)</translation>
    </message>
    <message>
        <source>%1() needs this argument</source>
        <translation>%1() braucht dieses Argument</translation>
    </message>
    <message>
        <source>SO_LINGER needs &quot;linger&quot; (seconds; 0 makes close() send RST)</source>
        <translation>SO_LINGER braucht &quot;linger&quot; (Sekunden; 0 lässt close() RST senden)</translation>
    </message>
    <message>
        <source>only SO_LINGER takes this argument</source>
        <translation>nur SO_LINGER nimmt dieses Argument</translation>
    </message>
    <message>
        <source>at least 1 (how many times the data is written)</source>
        <translation>mindestens 1 (wie oft die Daten geschrieben werden)</translation>
    </message>
    <message>
        <source>this write is %1 × %2 bytes, and a scenario&apos;s writes may send at most %3 in all</source>
        <translation>dieser Schreibaufruf umfasst %1 × %2 Bytes, und die Schreibaufrufe eines Szenarios dürfen insgesamt höchstens %3 senden</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is already used by an earlier call</source>
        <translation>der Name &quot;%1&quot; wird schon von einem früheren Aufruf verwendet</translation>
    </message>
    <message>
        <source>the name (&quot;as&quot;) of the call that made the %1</source>
        <translation>der Name (&quot;as&quot;) des Aufrufs, der den %1 angelegt hat</translation>
    </message>
    <message>
        <source>descriptor</source>
        <translation>Deskriptor</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no earlier %2</source>
        <translation>&quot;%1&quot; benennt keinen früheren %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; belongs to the %2 (%3 API); this call is made on the %4 (%5 API)</source>
        <translation>&quot;%1&quot; gehört zum %2 (%3-API); dieser Aufruf erfolgt auf dem %4 (%5-API)</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>einer von %1</translation>
    </message>
    <message>
        <source>a condition object</source>
        <translation>ein Bedingungs-Objekt</translation>
    </message>
    <message>
        <source>a condition needs one of &quot;segment&quot;, &quot;idle&quot;, &quot;state&quot;, &quot;returned&quot; or &quot;signal&quot;</source>
        <translation>eine Bedingung braucht eines von &quot;segment&quot;, &quot;idle&quot;, &quot;state&quot;, &quot;returned&quot; oder &quot;signal&quot;</translation>
    </message>
    <message>
        <source>an expectation object</source>
        <translation>ein Erwartungs-Objekt</translation>
    </message>
    <message>
        <source>an errno name such as &quot;ECONNREFUSED&quot;</source>
        <translation>ein errno-Name wie &quot;ECONNREFUSED&quot;</translation>
    </message>
    <message>
        <source>an expectation needs one of &quot;segment&quot;, &quot;noSegment&quot;, &quot;call&quot;, &quot;state&quot; or &quot;signal&quot;</source>
        <translation>eine Erwartung braucht eines von &quot;segment&quot;, &quot;noSegment&quot;, &quot;call&quot;, &quot;state&quot; oder &quot;signal&quot;</translation>
    </message>
    <message>
        <source>%1 from the %2</source>
        <translation>%1 vom %2</translation>
    </message>
    <message>
        <source> with data</source>
        <translation> mit Daten</translation>
    </message>
    <message>
        <source> without data</source>
        <translation> ohne Daten</translation>
    </message>
    <message>
        <source> (a retransmission)</source>
        <translation> (eine Sendewiederholung)</translation>
    </message>
    <message>
        <source> (not a retransmission)</source>
        <translation> (keine Sendewiederholung)</translation>
    </message>
    <message>
        <source> announcing a zero window</source>
        <translation> mit angekündigtem Nullfenster</translation>
    </message>
    <message>
        <source> announcing an open window</source>
        <translation> mit angekündigtem offenem Fenster</translation>
    </message>
    <message>
        <source>the scenario is larger than %1, the limit for a scenario file</source>
        <translation>das Szenario ist größer als %1, die Grenze für eine Szenariodatei</translation>
    </message>
    <message>
        <source>top level: expected a scenario object</source>
        <translation>oberste Ebene: erwartet wird ein Szenario-Objekt</translation>
    </message>
    <message>
        <source>a scenario file</source>
        <translation>eine Szenariodatei</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>an array of option names such as [&quot;mss&quot;, &quot;wscale&quot;, &quot;sackOK&quot;, &quot;TS&quot;]</source>
        <translation>ein Array von Optionsnamen wie [&quot;mss&quot;, &quot;wscale&quot;, &quot;sackOK&quot;, &quot;TS&quot;]</translation>
    </message>
    <message>
        <source>&quot;mss&quot;, &quot;wscale&quot;, &quot;sackOK&quot; or &quot;TS&quot;</source>
        <translation>&quot;mss&quot;, &quot;wscale&quot;, &quot;sackOK&quot; oder &quot;TS&quot;</translation>
    </message>
    <message>
        <source>an array of &quot;ECE&quot; and &quot;CWR&quot; (empty: neither)</source>
        <translation>ein Array aus &quot;ECE&quot; und &quot;CWR&quot; (leer: keines)</translation>
    </message>
    <message>
        <source>&quot;ECE&quot; or &quot;CWR&quot;</source>
        <translation>&quot;ECE&quot; oder &quot;CWR&quot;</translation>
    </message>
    <message>
        <source>an object of host settings and values, such as {&quot;net.ipv4.tcp_sack&quot;: 0}</source>
        <translation>ein Objekt aus Host-Einstellungen und Werten, etwa {&quot;net.ipv4.tcp_sack&quot;: 0}</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> mit %1</translation>
    </message>
    <message>
        <source> without ECE or CWR</source>
        <translation> ohne ECE oder CWR</translation>
    </message>
    <message>
        <source> with the options %1</source>
        <translation> mit den Optionen %1</translation>
    </message>
    <message>
        <source> without options</source>
        <translation> ohne Optionen</translation>
    </message>
    <message>
        <source>an action needs &quot;call&quot; (a socket call), &quot;wire&quot; (a wire action), &quot;set&quot; (host settings) or &quot;host&quot; (a host&apos;s restart)</source>
        <translation>eine Aktion braucht &quot;call&quot; (einen Socket-Aufruf), &quot;wire&quot; (eine Aktion der Leitung), &quot;set&quot; (Host-Einstellungen) oder &quot;host&quot; (den Neustart eines Hosts)</translation>
    </message>
    <message>
        <source>4 or 6 (the lab&apos;s IP version)</source>
        <translation>4 oder 6 (die IP-Version des Labors)</translation>
    </message>
    <message>
        <source>%1 is not a field a caption can fill in (use {win:…}, {resend:…}, {again:…}, {delack:…}, {options:…} or {addr:…}, each with client or server)</source>
        <translation>%1 ist kein Feld, das eine Bildunterschrift ausfüllen kann (verwenden Sie {win:…}, {resend:…}, {again:…}, {delack:…}, {options:…} oder {addr:…}, jeweils mit client oder server)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; or &quot;%2&quot; (the lab&apos;s hosts over IPv%3)</source>
        <translation>&quot;%1&quot; oder &quot;%2&quot; (die Hosts des Labors über IPv%3)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; or &quot;%2&quot; (the lab&apos;s hosts), or over IPv6 &quot;%3&quot; or &quot;%4&quot;</source>
        <translation>&quot;%1&quot; oder &quot;%2&quot; (die Hosts des Labors), oder über IPv6 &quot;%3&quot; oder &quot;%4&quot;</translation>
    </message>
</context>
<context>
    <name>ScenarioRecorder</name>
    <message>
        <source>event %1 is not a call</source>
        <translation>Ereignis %1 ist kein Aufruf</translation>
    </message>
    <message>
        <source>%1 is no call a scenario can make</source>
        <translation>%1 ist kein Aufruf, den ein Szenario machen kann</translation>
    </message>
    <message>
        <source>%1 %2 was not made by a recorded call</source>
        <translation>%1 %2 wurde nicht von einem aufgezeichneten Aufruf angelegt</translation>
    </message>
    <message>
        <source>the trace keeps only the first 64 bytes of a write; this one had %1</source>
        <translation>der Trace behält nur die ersten 64 Bytes eines Schreibaufrufs; dieser hatte %1</translation>
    </message>
    <message>
        <source>a deliver, drop or duplicate of a segment the wire holds is expected</source>
        <translation>erwartet wird ein Zustellen, Verwerfen oder Verdoppeln eines Segments, das die Leitung festhält</translation>
    </message>
    <message>
        <source>delivers</source>
        <translation>liefert</translation>
    </message>
    <message>
        <source>drops</source>
        <translation>verwirft</translation>
    </message>
    <message>
        <source>duplicates</source>
        <translation>verdoppelt</translation>
    </message>
    <message>
        <source>The wire %1 the %2.</source>
        <translation>Die Leitung %1 das %2.</translation>
    </message>
    <message>
        <source>The wire delivers by itself after %1 ms.</source>
        <translation>Die Leitung stellt nach %1 ms von selbst zu.</translation>
    </message>
    <message>
        <source>The wire holds each segment until it is delivered by hand.</source>
        <translation>Die Leitung hält jedes Segment fest, bis es von Hand zugestellt wird.</translation>
    </message>
    <message>
        <source>%1() was made without a socket; choose one in the Socket box first</source>
        <translation>%1() wurde ohne Socket aufgerufen; wählen Sie zuerst einen im Feld „Socket“</translation>
    </message>
    <message>
        <source>The %1 calls %2. %3.</source>
        <translation>Der %1 ruft %2 auf. %3.</translation>
    </message>
    <message>
        <source>The %1&apos;s host sets %2 to %3: the next connection is made with it.</source>
        <translation>Der Host des %1 setzt %2 auf %3: die nächste Verbindung entsteht damit.</translation>
    </message>
    <message>
        <source>The %1&apos;s host restarts: its kernel forgets every connection; the next segment of an old connection is answered with RST.</source>
        <translation>Der Host des %1 startet neu: sein Kernel vergisst jede Verbindung; das nächste Segment einer alten Verbindung wird mit RST beantwortet.</translation>
    </message>
</context>
<context>
    <name>ScenarioRunner</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Cannot set %1 = %2 on the %3: %4</source>
        <translation>Kann %1 = %2 auf dem %3 nicht setzen: %4</translation>
    </message>
    <message>
        <source>Cannot make the %1 ACK at once: %2</source>
        <translation>Kann den %1 nicht sofort bestätigen lassen (ACK): %2</translation>
    </message>
    <message>
        <source>The lab is not running: %1</source>
        <translation>Das Labor läuft nicht: %1</translation>
    </message>
    <message>
        <source>%1 (%2) could not be made: %3</source>
        <translation>%1 (%2) konnte nicht angelegt werden: %3</translation>
    </message>
    <message>
        <source>Stopped at %1.</source>
        <translation>Angehalten bei %1.</translation>
    </message>
    <message>
        <source>%1() chained to the return of %2: %3</source>
        <translation>%1() an die Rückkehr von %2 gekettet: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was never made</source>
        <translation>&quot;%1&quot; wurde nie angelegt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has not returned yet</source>
        <translation>&quot;%1&quot; ist noch nicht zurückgekehrt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed (%2), so there is nothing to use</source>
        <translation>&quot;%1&quot; ist gescheitert (%2), es gibt also nichts zu verwenden</translation>
    </message>
    <message>
        <source>%1 is no %2 call</source>
        <translation>%1 ist kein %2-Aufruf</translation>
    </message>
    <message>
        <source>no %1 is held on the wire (%2)</source>
        <translation>kein %1 wird auf der Leitung festgehalten (%2)</translation>
    </message>
    <message>
        <source>a %1 on the wire</source>
        <translation>ein %1 auf der Leitung</translation>
    </message>
    <message>
        <source>the wire to be idle for %1 ms</source>
        <translation>dass die Leitung %1 ms ruht</translation>
    </message>
    <message>
        <source>the %1&apos;s socket on port %2 to reach %3</source>
        <translation>dass der %1-Socket auf Port %2 %3 erreicht</translation>
    </message>
    <message>
        <source>a socket of the %1 to reach %2</source>
        <translation>dass ein %1-Socket %2 erreicht</translation>
    </message>
    <message>
        <source>%1 to return</source>
        <translation>dass %1 zurückkehrt</translation>
    </message>
    <message>
        <source>Qt&apos;s %1() signal on the %2</source>
        <translation>Qts Signal %1() auf dem %2</translation>
    </message>
    <message>
        <source>%1 from the %2</source>
        <translation>%1 vom %2</translation>
    </message>
    <message>
        <source> (retransmission)</source>
        <translation> (Sendewiederholung)</translation>
    </message>
    <message>
        <source>held on the wire: %1; sent since the step began: %2</source>
        <translation>auf der Leitung festgehalten: %1; seit Beginn des Schritts gesendet: %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>The lab stopped: %1</source>
        <translation>Das Labor wurde beendet: %1</translation>
    </message>
    <message>
        <source>expected no %1, but the kernel sent one</source>
        <translation>erwartet wurde kein %1, aber der Kernel hat eines gesendet</translation>
    </message>
    <message>
        <source>expected %1 × %2, the kernels sent %3</source>
        <translation>erwartet %1 × %2, die Kernel haben %3 gesendet</translation>
    </message>
    <message>
        <source>expected a %1</source>
        <translation>erwartet wurde ein %1</translation>
    </message>
    <message>
        <source>expected the %1 to be &quot;%2&quot;, the kernel sent &quot;%3&quot;</source>
        <translation>erwartet wurde, dass %1 „%2“ ist, der Kernel hat „%3“ gesendet</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>expected %1 to have returned, it has not</source>
        <translation>erwartet wurde, dass %1 zurückgekehrt ist, es ist nicht zurückgekehrt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>expected %1 to return %2, it returned %3</source>
        <translation>erwartet wurde, dass %1 %2 zurückgibt, es gab %3 zurück</translation>
    </message>
    <message>
        <source>expected %1 to fail with %2, it returned %3</source>
        <translation>erwartet wurde, dass %1 mit %2 scheitert, es gab %3 zurück</translation>
    </message>
    <message>
        <source>expected %1 to give &quot;%2&quot;, it gave &quot;%3&quot;</source>
        <translation>erwartet wurde, dass %1 „%2“ liefert, es lieferte „%3“</translation>
    </message>
    <message>
        <source>expected the %1 to reach %2; its sockets are: %3</source>
        <translation>erwartet wurde, dass der %1 %2 erreicht; seine Sockets sind: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>expected Qt to emit %1(%2) on the %3</source>
        <translation>erwartet wurde, dass Qt %1(%2) auf dem %3 sendet</translation>
    </message>
    <message>
        <source>%1 (%2) waited %3 s in vain for %4 (%5).</source>
        <translation>%1 (%2) hat %3 s vergeblich auf %4 gewartet (%5).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>Scenario %1 finished: the kernels did what it expects.</source>
        <translation>Szenario %1 beendet: Die Kernel haben getan, was es erwartet.</translation>
    </message>
    <message numerus="yes">
        <source>Scenario %1 finished, %n expectation(s) not met: %2</source>
        <translation>
            <numerusform>Szenario %1 beendet, %n Erwartung nicht erfüllt: %2</numerusform>
            <numerusform>Szenario %1 beendet, %n Erwartungen nicht erfüllt: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot set %1 = %2 on the %3: %4</source>
        <translation>%1 = %2 lässt sich auf dem %3 nicht setzen: %4</translation>
    </message>
    <message>
        <source>the %1 could not restart: %2</source>
        <translation>Der Host %1 konnte nicht neu starten: %2</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>no recording of &quot;%1&quot; comes with SynScope</source>
        <translation>zu „%1“ liegt SynScope keine Aufzeichnung bei</translation>
    </message>
    <message>
        <source>there is no recording to take over</source>
        <translation>es gibt keine Aufzeichnung zum Übernehmen</translation>
    </message>
    <message>
        <source>this recording&apos;s scenario is not built in; open its scenario file to take over</source>
        <translation>das Szenario dieser Aufzeichnung ist nicht eingebaut; öffnen Sie seine Szenariodatei, um zu übernehmen</translation>
    </message>
    <message>
        <source>the recording has more steps than its scenario</source>
        <translation>die Aufzeichnung hat mehr Schritte als ihr Szenario</translation>
    </message>
    <message>
        <source>%1/%2  %3</source>
        <translation>%1/%2  %3</translation>
    </message>
    <message>
        <source>The replay on a fresh lab stopped before step %1: %2</source>
        <translation>Die Wiederholung auf einem frischen Labor endete vor Schritt %1: %2</translation>
    </message>
    <message>
        <source>The scenario stopped: %1</source>
        <translation>Das Szenario wurde angehalten: %1</translation>
    </message>
    <message>
        <source>Recording “%1” on real kernels… %2 s</source>
        <translation>„%1“ wird auf echten Kerneln aufgezeichnet … %2 s</translation>
    </message>
    <message>
        <source>Taking over at step %1: replaying steps 1–%1 on a fresh lab…</source>
        <translation>Übernahme bei Schritt %1: Die Schritte 1–%1 werden auf einem frischen Labor wiederholt …</translation>
    </message>
    <message>
        <source>%1/%2  What does the kernel send now?</source>
        <translation>%1/%2  Was sendet der Kernel jetzt?</translation>
    </message>
    <message>
        <source>%1 — %2 Press Space for the first step.</source>
        <translation>%1 – %2 Leertaste zeigt den ersten Schritt.</translation>
    </message>
    <message>
        <source>Live from step %1: fresh kernels replayed the recording up to here and are now yours — deliver, drop or delay what is on the wire, or make a call. Space goes on with the scenario; T returns to the recording.</source>
        <translation>Live ab Schritt %1: Frische Kernel haben die Aufzeichnung bis hierher wiederholt und gehören jetzt Ihnen – stellen Sie zu, verwerfen oder verzögern Sie, was auf der Leitung ist, oder machen Sie einen Aufruf. Leertaste setzt das Szenario fort; T kehrt zur Aufzeichnung zurück.</translation>
    </message>
    <message>
        <source>Live from step %1 — the kernels answered differently from the recording: %2</source>
        <translation>Live ab Schritt %1 – die Kernel haben anders geantwortet als in der Aufzeichnung: %2</translation>
    </message>
    <message>
        <source>Recording on real kernels (Linux %1)…</source>
        <translation>Aufzeichnung auf echten Kerneln (Linux %1) …</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>eine unbekannte Zeit</translation>
    </message>
    <message>
        <source>(kernel unknown)</source>
        <translation>(Kernel unbekannt)</translation>
    </message>
    <message>
        <source>Recorded on Linux %1 — live lab unavailable here: %2</source>
        <translation>Aufgezeichnet unter Linux %1 – Live-Labor hier nicht verfügbar: %2</translation>
    </message>
    <message>
        <source>Recorded on Linux %1 at %2 — real kernels. T takes over live at the step shown.</source>
        <translation>Aufgezeichnet unter Linux %1 am %2 – echte Kernel. T übernimmt live beim gezeigten Schritt.</translation>
    </message>
    <message>
        <source>A %1 trace, not recorded on kernels.</source>
        <translation>Ein %1-Trace, nicht auf Kerneln aufgezeichnet.</translation>
    </message>
    <message>
        <source>Lab unavailable: %1</source>
        <translation>Labor nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Lab stopped: showing %1. Ctrl+R starts a fresh lab.</source>
        <translation>Labor angehalten: zeigt %1. Strg+R startet ein frisches Labor.</translation>
    </message>
    <message>
        <source>a trace</source>
        <translation>einen Trace</translation>
    </message>
    <message>
        <source>Lab ready: the client (%1) and the server (%2) each run on a Linux kernel of their own</source>
        <translation>Labor bereit: Der Client (%1) und der Server (%2) laufen jeweils auf einem eigenen Linux-Kernel</translation>
    </message>
    <message>
        <source>this build has no live lab</source>
        <translation>dieser Build hat kein Live-Labor</translation>
    </message>
    <message>
        <source>Recorded on Linux %1 at %2 — real kernels; this build has no live lab to take over on.</source>
        <translation>Aufgezeichnet unter Linux %1 am %2 – echte Kernel; dieser Build hat kein Live-Labor zum Übernehmen.</translation>
    </message>
    <message>
        <source>Host settings change only on a live lab (Lab → Work by Hand).</source>
        <translation>Host-Einstellungen ändern sich nur in einem laufenden Labor (Labor → Von Hand arbeiten).</translation>
    </message>
    <message>
        <source>A host restarts only on a live lab (Lab → Work by Hand).</source>
        <translation>Ein Host startet nur in einem laufenden Labor neu (Labor → Von Hand arbeiten).</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <source>Unsaved Work</source>
        <translation>Ungesicherte Arbeit</translation>
    </message>
    <message>
        <source>The calls and wire actions made by hand are not saved. Save the trace before going on?</source>
        <translation>Die von Hand gemachten Aufrufe und Leitungsaktionen sind nicht gespeichert. Den Trace speichern, bevor es weitergeht?</translation>
    </message>
    <message>
        <source>Cannot open: %1</source>
        <translation>Kann nicht öffnen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot open %1: the capture holds no TCP connection</source>
        <translation>Kann %1 nicht öffnen: Der Mitschnitt enthält keine TCP-Verbindung</translation>
    </message>
    <message>
        <source>Open Trace or Capture</source>
        <translation>Trace oder Mitschnitt öffnen</translation>
    </message>
    <message>
        <source>Traces and captures (*.json *.pcap *.pcapng);;Traces (*.json);;Captures (*.pcap *.pcapng);;All files (*)</source>
        <translation>Traces und Mitschnitte (*.json *.pcap *.pcapng);;Traces (*.json);;Mitschnitte (*.pcap *.pcapng);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Kann nicht speichern: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Trace</source>
        <translation>Trace speichern</translation>
    </message>
    <message>
        <source>Traces (*.json)</source>
        <translation>Traces (*.json)</translation>
    </message>
    <message>
        <source>Recorded by hand in SynScope.</source>
        <translation>Von Hand in SynScope aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n step(s) as %1</source>
        <translation>
            <numerusform>%n Schritt als %1 gespeichert</numerusform>
            <numerusform>%n Schritte als %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to save: make calls or deliver segments by hand first (since the lab started).</source>
        <translation>Nichts zu speichern: Machen Sie zuerst von Hand Aufrufe oder stellen Sie Segmente zu (seit das Labor gestartet ist).</translation>
    </message>
    <message>
        <source>Save as Scenario</source>
        <translation>Als Szenario speichern</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Szenarien (*.json)</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>Szenarien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing to export yet: the trace is empty.</source>
        <translation>Noch nichts zu exportieren: Der Trace ist leer.</translation>
    </message>
    <message>
        <source>Nothing to copy: the diagram is empty.</source>
        <translation>Nichts zu kopieren: Das Diagramm ist leer.</translation>
    </message>
    <message>
        <source>Cannot copy the diagram: %1</source>
        <translation>Kann das Diagramm nicht kopieren: %1</translation>
    </message>
    <message>
        <source>Copied the diagram as an image</source>
        <translation>Diagramm als Bild kopiert</translation>
    </message>
</context>
<context>
    <name>Side</name>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>SocketCall</name>
    <message>
        <source>Give the socket this host&apos;s address and the port</source>
        <translation>Dem Socket die Adresse dieses Hosts und den Port geben</translation>
    </message>
    <message>
        <source>Make the socket a listener: from now on the kernel answers SYNs by itself</source>
        <translation>Den Socket zum lauschenden Socket machen: Ab jetzt beantwortet der Kernel SYNs von selbst</translation>
    </message>
    <message>
        <source>Connect to the other host at the port: the kernel sends a SYN; connect() returns when the SYN+ACK arrives</source>
        <translation>Mit dem anderen Host am Port verbinden: Der Kernel sendet ein SYN; connect() kehrt zurück, wenn das SYN+ACK ankommt</translation>
    </message>
    <message>
        <source>Take a completed connection from the listener&apos;s queue; blocks until the third segment of a handshake has arrived</source>
        <translation>Eine fertige Verbindung aus der Warteschlange des lauschenden Sockets nehmen; blockiert, bis das dritte Segment eines Drei-Wege-Handschlags angekommen ist</translation>
    </message>
    <message>
        <source>Write the data to the socket</source>
        <translation>Die Daten auf den Socket schreiben</translation>
    </message>
    <message>
        <source>Read what has arrived; blocks while there is nothing; returns 0 (end of file) after the peer&apos;s FIN</source>
        <translation>Lesen, was angekommen ist; blockiert, solange nichts da ist; gibt nach dem FIN der Gegenseite 0 (Dateiende) zurück</translation>
    </message>
    <message>
        <source>Close one direction of the connection</source>
        <translation>Eine Richtung der Verbindung schließen</translation>
    </message>
    <message>
        <source>Release the descriptor: the kernel sends a FIN (or a RST with unread data or SO_LINGER 0)</source>
        <translation>Den Deskriptor freigeben: Der Kernel sendet ein FIN (oder ein RST bei ungelesenen Daten oder SO_LINGER 0)</translation>
    </message>
    <message>
        <source>setsockopt(SO_LINGER) with on/off and the linger time</source>
        <translation>setsockopt(SO_LINGER) mit on/off und der Linger-Zeit</translation>
    </message>
    <message>
        <source>setsockopt(SO_REUSEADDR): allow bind() to a port still in TIME_WAIT</source>
        <translation>setsockopt(SO_REUSEADDR): bind() an einen Port erlauben, der noch in TIME_WAIT ist</translation>
    </message>
    <message>
        <source>setsockopt(TCP_NODELAY): send small writes at once instead of waiting (Nagle&apos;s algorithm)</source>
        <translation>setsockopt(TCP_NODELAY): kleine Schreibaufrufe sofort senden, statt zu warten (Nagle-Algorithmus)</translation>
    </message>
    <message>
        <source>Set a socket option</source>
        <translation>Eine Socket-Option setzen</translation>
    </message>
    <message>
        <source>QTcpServer::listen on this host&apos;s address and the port</source>
        <translation>QTcpServer::listen auf der Adresse dieses Hosts und dem Port</translation>
    </message>
    <message>
        <source>QTcpSocket::connectToHost to the other host at the port; Qt emits connected() when the SYN+ACK arrives</source>
        <translation>QTcpSocket::connectToHost zum anderen Host am Port; Qt sendet connected(), wenn das SYN+ACK ankommt</translation>
    </message>
    <message>
        <source>QTcpServer::nextPendingConnection: Qt has already accepted; this makes no system call</source>
        <translation>QTcpServer::nextPendingConnection: Qt hat schon angenommen; das macht keinen Systemaufruf</translation>
    </message>
    <message>
        <source>QTcpSocket::write of the data</source>
        <translation>QTcpSocket::write der Daten</translation>
    </message>
    <message>
        <source>QTcpSocket::readAll: what Qt has buffered</source>
        <translation>QTcpSocket::readAll: was Qt gepuffert hat</translation>
    </message>
    <message>
        <source>QTcpSocket::disconnectFromHost: send what is buffered, then a FIN</source>
        <translation>QTcpSocket::disconnectFromHost: Gepuffertes senden, dann ein FIN</translation>
    </message>
    <message>
        <source>QTcpSocket::close</source>
        <translation>QTcpSocket::close</translation>
    </message>
    <message>
        <source>QTcpSocket::abort: a plain close() at once</source>
        <translation>QTcpSocket::abort: ein schlichtes close(), sofort</translation>
    </message>
    <message>
        <source>setsockopt(SO_KEEPALIVE): probe the peer when the connection has been idle</source>
        <translation>setsockopt(SO_KEEPALIVE): die Gegenseite prüfen, wenn die Verbindung eine Weile ruht</translation>
    </message>
    <message>
        <source>setsockopt(TCP_KEEPIDLE): seconds idle before the first keep-alive probe</source>
        <translation>setsockopt(TCP_KEEPIDLE): Sekunden Ruhe bis zur ersten Keep-alive-Probe</translation>
    </message>
    <message>
        <source>setsockopt(TCP_KEEPINTVL): seconds between unanswered keep-alive probes</source>
        <translation>setsockopt(TCP_KEEPINTVL): Sekunden zwischen unbeantworteten Keep-alive-Proben</translation>
    </message>
    <message>
        <source>setsockopt(TCP_KEEPCNT): unanswered probes before the kernel gives up on the connection</source>
        <translation>setsockopt(TCP_KEEPCNT): unbeantwortete Proben, bevor der Kernel die Verbindung aufgibt</translation>
    </message>
    <message>
        <source>Create a TCP socket (AF_INET, or AF_INET6 in the IPv6 lab; SOCK_STREAM)</source>
        <translation>Einen TCP-Socket anlegen (AF_INET, oder AF_INET6 im IPv6-Labor; SOCK_STREAM)</translation>
    </message>
</context>
<context>
    <name>SocketInspector</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>What each side&apos;s kernel reported about the socket (sock_diag), as of the step shown</source>
        <translation>Was der Kernel jeder Seite über den Socket gemeldet hat (sock_diag), Stand des gezeigten Schritts</translation>
    </message>
    <message>
        <source>State: not reported yet</source>
        <translation>Zustand: noch nicht gemeldet</translation>
    </message>
    <message>
        <source>State: CLOSED (gone from the kernel&apos;s tables)</source>
        <translation>Zustand: CLOSED (nicht mehr in den Tabellen des Kernels)</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Queues and windows: not recorded in this trace</source>
        <translation>Warteschlangen und Fenster: in dieser Aufzeichnung nicht erfasst</translation>
    </message>
    <message>
        <source>Accept queue: %1 of backlog %2 (handshake done, not yet accepted)</source>
        <translation>Accept-Warteschlange: %1 von Backlog %2 (Handshake fertig, noch nicht angenommen)</translation>
    </message>
    <message>
        <source>SYN queue: %1 (handshakes under way)</source>
        <translation>SYN-Warteschlange: %1 (Handshakes im Gange)</translation>
    </message>
    <message>
        <source>Send queue: %1 not yet acknowledged</source>
        <translation>Sendewarteschlange: %1 noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Receive queue: %1 not yet read</source>
        <translation>Empfangswarteschlange: %1 noch nicht gelesen</translation>
    </message>
    <message>
        <source>Windows: peer %1, own %2</source>
        <translation>Fenster: Gegenseite %1, eigenes %2</translation>
    </message>
    <message>
        <source>Window: peer %1</source>
        <translation>Fenster: Gegenseite %1</translation>
    </message>
    <message>
        <source>cwnd %1 segments, RTO %2 ms</source>
        <translation>cwnd %1 Segmente, RTO %2 ms</translation>
    </message>
    <message>
        <source>Queues: none yet (a request socket, counted in the listener&apos;s SYN queue)</source>
        <translation>Warteschlangen: noch keine (ein Request-Socket, gezählt in der SYN-Warteschlange des lauschenden Sockets)</translation>
    </message>
    <message>
        <source>Queues: not reported yet</source>
        <translation>Warteschlangen: noch nicht gemeldet</translation>
    </message>
    <message>
        <source>Listener :%1: accept queue %2 of %3, SYN queue %4</source>
        <translation>Lauschender Socket :%1: Accept-Warteschlange %2 von %3, SYN-Warteschlange %4</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>No socket yet</source>
        <translation>Noch kein Socket</translation>
    </message>
    <message>
        <source>%1 — listening on :%2</source>
        <translation>%1 — lauscht auf :%2</translation>
    </message>
    <message>
        <source>%1 port %2 ↔ %3</source>
        <translation>%1 Port %2 ↔ %3</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>&lt;h1&gt;SynScope&lt;/h1&gt;&lt;p&gt;Which socket call makes which TCP segment — shown with two real Linux kernels and a wire you hold in your hand.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;SynScope&lt;/h1&gt;&lt;p&gt;Welcher Socket-Aufruf welches TCP-Segment erzeugt – gezeigt mit zwei echten Linux-Kerneln und einer Leitung, die Sie in der Hand halten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Run &quot;%1&quot; (synscope --scenario %2)</source>
        <translation>„%1“ ausführen (synscope --scenario %2)</translation>
    </message>
    <message>
        <source>Work by hand</source>
        <translation>Von Hand arbeiten</translation>
    </message>
    <message>
        <source>Make the socket calls yourself and deliver each segment</source>
        <translation>Die Socket-Aufrufe selbst machen und jedes Segment zustellen</translation>
    </message>
    <message>
        <source>Open a saved trace or capture…</source>
        <translation>Trace oder Mitschnitt öffnen …</translation>
    </message>
    <message>
        <source>Open a scenario file…</source>
        <translation>Szenariodatei öffnen …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt; — pick one and press Space, Return or Run: it plays on a fresh lab, and Space then steps through it.</source>
        <translation>&lt;b&gt;Szenarien&lt;/b&gt; – wählen Sie eines und drücken Sie die Leertaste, Eingabe oder „Ausführen“: Es läuft auf einem frischen Labor, und die Leertaste geht dann schrittweise hindurch.</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Weitere</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the selected scenario on a fresh lab (Space or Return)</source>
        <translation>Das ausgewählte Szenario auf einem frischen Labor ausführen (Leertaste oder Eingabe)</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#e05060&apos;&gt;&lt;b&gt;The lab cannot run here.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Every scenario below still plays, from its recording made on real kernels; you can also open a saved trace or a capture.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#e05060&apos;&gt;&lt;b&gt;Das Labor kann hier nicht laufen.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Jedes Szenario unten lässt sich trotzdem abspielen, aus seiner Aufzeichnung auf echten Kerneln; Sie können auch einen gespeicherten Trace oder einen Mitschnitt öffnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not in this build: %1</source>
        <translation>Nicht in diesem Build: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;This build of SynScope has no live lab.&lt;/b&gt; Every scenario below plays from its recording made on real kernels; you can also open a saved trace or a capture.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Dieser Build von SynScope hat kein Live-Labor.&lt;/b&gt; Jedes Szenario unten läuft als Aufzeichnung, die auf echten Kerneln entstand; Sie können auch einen gespeicherten Trace oder einen Mitschnitt öffnen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenarios&lt;/b&gt; — pick one and press Space, Return or Run: Space then steps through its recording.</source>
        <translation>&lt;b&gt;Szenarien&lt;/b&gt; – wählen Sie eines und drücken Sie die Leertaste, Eingabe oder „Ausführen“: Die Leertaste geht dann schrittweise durch seine Aufzeichnung.</translation>
    </message>
    <message>
        <source>Play the selected scenario&apos;s recording (Space or Return)</source>
        <translation>Die Aufzeichnung des gewählten Szenarios abspielen (Leertaste oder Eingabe)</translation>
    </message>
</context>
<context>
    <name>StepCaption</name>
    <message>
        <source>client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The client&apos;s kernel</source>
        <translation>Der Kernel des Clients</translation>
    </message>
    <message>
        <source>The server&apos;s kernel</source>
        <translation>Der Kernel des Servers</translation>
    </message>
    <message>
        <source>The client program</source>
        <translation>Das Client-Programm</translation>
    </message>
    <message>
        <source>The server program</source>
        <translation>Das Server-Programm</translation>
    </message>
    <message>
        <source>; %1 is still blocked until %2</source>
        <translation>; %1 bleibt blockiert, bis %2</translation>
    </message>
    <message>
        <source>%1 sends %2 again: its retransmission timeout (RTO) ran out before the segment was acknowledged, so it resends the oldest unacknowledged segment and backs off. Kernel timers keep running while you think.</source>
        <translation>%1 sendet %2 noch einmal: Sein Wiederholungs-Timeout (RTO) lief ab, bevor das Segment bestätigt wurde, also sendet er das älteste unbestätigte Segment erneut und verdoppelt die Wartezeit. Die Kernel-Timer laufen weiter, während Sie nachdenken.</translation>
    </message>
    <message>
        <source>%1 sends %2 again as a tail-loss probe: no ACK came for the last segment it sent, so well before the RTO it resends that one, without backing off, to draw an ACK that shows what was lost.</source>
        <translation>%1 sendet %2 noch einmal als Tail-Loss-Probe: Für das zuletzt gesendete Segment kam kein ACK, also sendet er es lange vor dem RTO erneut, ohne die Wartezeit zu verlängern, um ein ACK hervorzulocken, das zeigt, was verloren ging.</translation>
    </message>
    <message>
        <source>%1 sends %2 again: its retransmission timer ran out before the segment was acknowledged. Kernel timers keep running while you think.</source>
        <translation>%1 sendet %2 noch einmal: Sein Wiederholungs-Timer lief ab, bevor das Segment bestätigt wurde. Die Kernel-Timer laufen weiter, während Sie nachdenken.</translation>
    </message>
    <message>
        <source>%1 sends %2: the peer&apos;s receive window is 0, so it may send no data; when its persist timer runs out it probes with a segment the peer must answer, to learn whether the window opened.</source>
        <translation>%1 sendet %2: Das Empfangsfenster der Gegenseite ist 0, also darf er keine Daten senden; wenn sein Persist-Timer abläuft, fragt er mit einem Segment nach, das die Gegenseite beantworten muss, um zu erfahren, ob sich das Fenster geöffnet hat.</translation>
    </message>
    <message>
        <source>%1 answers with %2: a reset. There is no connection for this segment (nobody listens on the port, SO_LINGER 0, or unread data was thrown away at close()).</source>
        <translation>%1 antwortet mit %2: einem Reset. Für dieses Segment gibt es keine Verbindung (niemand lauscht auf dem Port, SO_LINGER 0, oder ungelesene Daten wurden bei close() weggeworfen).</translation>
    </message>
    <message>
        <source>%1 sends %2 to open a connection and enters SYN_SENT%3.</source>
        <translation>%1 sendet %2, um eine Verbindung aufzubauen, und geht in SYN_SENT%3.</translation>
    </message>
    <message>
        <source>the answer arrives</source>
        <translation>die Antwort ankommt</translation>
    </message>
    <message>
        <source>%1 answered the SYN with its own SYN and an %2 — by itself, accept() plays no part</source>
        <translation>%1 hat das SYN mit seinem eigenen SYN und einem %2 beantwortet – von selbst, accept() spielt dabei keine Rolle</translation>
    </message>
    <message>
        <source>ACK of %1</source>
        <translation>ACK für %1</translation>
    </message>
    <message>
        <source>; connect() is still blocked until this segment arrives</source>
        <translation>; connect() bleibt blockiert, bis dieses Segment ankommt</translation>
    </message>
    <message>
        <source>%1 sends %2: its program has closed its side (close() or shutdown()); the peer will read end of file once it arrives.</source>
        <translation>%1 sendet %2: Sein Programm hat seine Seite geschlossen (close() oder shutdown()); die Gegenseite liest Dateiende, sobald es ankommt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 sends %2 — %n byte(s) of data the program wrote%3.</source>
        <translation>
            <numerusform>%1 sendet %2 – %n Byte Daten, die das Programm geschrieben hat%3.</numerusform>
            <numerusform>%1 sendet %2 – %n Bytes Daten, die das Programm geschrieben hat%3.</numerusform>
        </translation>
    </message>
    <message>
        <source>data arrives</source>
        <translation>Daten ankommen</translation>
    </message>
    <message>
        <source>%1 sends %2, the third segment of the handshake; accept() on the %3 is still blocked until it arrives.</source>
        <translation>%1 sendet %2, das dritte Segment des Drei-Wege-Handschlags; accept() auf dem %3 bleibt blockiert, bis es ankommt.</translation>
    </message>
    <message>
        <source>%1 acknowledges with %2.</source>
        <translation>%1 bestätigt mit %2.</translation>
    </message>
    <message>
        <source>The wire loses %1. The %2&apos;s kernel does not know: it will send the segment again when its retransmission timer runs out.</source>
        <translation>Die Leitung verliert %1. Der %2-Kernel weiß es nicht: Er sendet das Segment erneut, wenn sein Wiederholungs-Timer abläuft.</translation>
    </message>
    <message>
        <source>The wire copies %1: the %2 will receive it twice.</source>
        <translation>Die Leitung kopiert %1: Der %2 wird es zweimal empfangen.</translation>
    </message>
    <message>
        <source>%1 arrives at the %2&apos;s kernel</source>
        <translation>%1 kommt beim %2-Kernel an</translation>
    </message>
    <message>
        <source>, ahead of an older segment still on the wire</source>
        <translation>, vor einem älteren Segment, das noch auf der Leitung ist</translation>
    </message>
    <message>
        <source> (the wire&apos;s copy)</source>
        <translation> (die Kopie der Leitung)</translation>
    </message>
    <message>
        <source>; if a socket listens on the port, the kernel answers by itself with a SYN and an ACK</source>
        <translation>; wenn ein Socket auf dem Port lauscht, antwortet der Kernel von selbst mit einem SYN und einem ACK</translation>
    </message>
    <message>
        <source>; the connection is established on the %1 and a blocked connect() returns</source>
        <translation>; die Verbindung ist auf dem %1 aufgebaut, und ein blockiertes connect() kehrt zurück</translation>
    </message>
    <message>
        <source>; the %1 program will read end of file (read() returns 0)</source>
        <translation>; das %1-Programm wird Dateiende lesen (read() gibt 0 zurück)</translation>
    </message>
    <message>
        <source>; the connection is gone, and the %1&apos;s next call fails</source>
        <translation>; die Verbindung ist weg, und der nächste Aufruf auf dem %1 scheitert</translation>
    </message>
    <message>
        <source>%1 calls connect(): its kernel sends a SYN, and connect() blocks until the second segment of the handshake arrives.</source>
        <translation>%1 ruft connect() auf: Sein Kernel sendet ein SYN, und connect() blockiert, bis das zweite Segment des Drei-Wege-Handschlags ankommt.</translation>
    </message>
    <message>
        <source>%1 calls accept(): it blocks until a connection has completed its handshake (the third segment has arrived).</source>
        <translation>%1 ruft accept() auf: Es blockiert, bis eine Verbindung ihren Drei-Wege-Handschlag abgeschlossen hat (das dritte Segment ist angekommen).</translation>
    </message>
    <message>
        <source>%1 calls listen(): the socket becomes a listener, and from now on the kernel answers SYNs by itself.</source>
        <translation>%1 ruft listen() auf: Der Socket wird zum lauschenden Socket, und ab jetzt beantwortet der Kernel SYNs von selbst.</translation>
    </message>
    <message>
        <source>%1 calls read(): it blocks until data or the peer&apos;s FIN arrives.</source>
        <translation>%1 ruft read() auf: Es blockiert, bis Daten oder das FIN der Gegenseite ankommen.</translation>
    </message>
    <message>
        <source>%1 calls close(): when this is the last reference, the kernel sends a FIN (or a RST with unread data or SO_LINGER 0).</source>
        <translation>%1 ruft close() auf: Ist dies die letzte Referenz, sendet der Kernel ein FIN (oder ein RST bei ungelesenen Daten oder SO_LINGER 0).</translation>
    </message>
    <message>
        <source>%1 calls shutdown(%2).</source>
        <translation>%1 ruft shutdown(%2) auf.</translation>
    </message>
    <message>
        <source>%1 calls %2.</source>
        <translation>%1 ruft %2 auf.</translation>
    </message>
    <message>
        <source>%1 fails: -1, errno %2.</source>
        <translation>%1 scheitert: -1, errno %2.</translation>
    </message>
    <message>
        <source>connect() returns 0 on the %1: the SYN and ACK of the server arrived, the connection is established.</source>
        <translation>connect() gibt auf dem %1 0 zurück: SYN und ACK des Servers sind angekommen, die Verbindung ist aufgebaut.</translation>
    </message>
    <message>
        <source>accept() returns descriptor %1: the third segment arrived and the connection left the listener&apos;s queue.</source>
        <translation>accept() gibt Deskriptor %1 zurück: Das dritte Segment ist angekommen, und die Verbindung hat die Warteschlange des lauschenden Sockets verlassen.</translation>
    </message>
    <message>
        <source>read() returns 0 on the %1: end of file — the peer&apos;s FIN arrived.</source>
        <translation>read() gibt auf dem %1 0 zurück: Dateiende – das FIN der Gegenseite ist angekommen.</translation>
    </message>
    <message>
        <source>read() returns %1 byte(s) on the %2.</source>
        <translation>read() gibt auf dem %2 %1 Byte(s) zurück.</translation>
    </message>
    <message>
        <source>%1 returns %2 on the %3.</source>
        <translation>%1 gibt auf dem %3 %2 zurück.</translation>
    </message>
    <message>
        <source>%1 returns on the %2.</source>
        <translation>%1 kehrt auf dem %2 zurück.</translation>
    </message>
    <message>
        <source>The %1&apos;s kernel stops its timer.</source>
        <translation>Der %1-Kernel stoppt seinen Timer.</translation>
    </message>
    <message>
        <source>%1 arms its retransmit timer, %2 ms left: if no ACK comes before it runs out, it resends the oldest unacknowledged segment (an RTO). The same timer may fire earlier as a tail-loss probe.</source>
        <translation>%1 stellt seinen Wiederholungs-Timer, noch %2 ms: Kommt vorher kein ACK, sendet er das älteste unbestätigte Segment erneut (ein RTO). Derselbe Timer kann früher als Tail-Loss-Probe auslösen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has resent %n time(s); it reports its retransmit timer at %2 ms now.</source>
        <translation>
            <numerusform>%1 hat %n-mal erneut gesendet; er meldet seinen Wiederholungs-Timer jetzt mit %2 ms.</numerusform>
            <numerusform>%1 hat %n-mal erneut gesendet; er meldet seinen Wiederholungs-Timer jetzt mit %2 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>It did not double: Linux 6.x resends a SYN after linear timeouts of 1 s (net.ipv4.tcp_syn_linear_timeouts) before it starts backing off exponentially.</source>
        <translation>Er hat sich nicht verdoppelt: Linux 6.x sendet ein SYN nach linearen Timeouts von 1 s erneut (net.ipv4.tcp_syn_linear_timeouts), bevor es exponentiell zurückweicht.</translation>
    </message>
    <message>
        <source>It did not double.</source>
        <translation>Er hat sich nicht verdoppelt.</translation>
    </message>
    <message>
        <source>It grew from %1 ms: exponential backoff.</source>
        <translation>Er ist von %1 ms gewachsen: exponentielles Zurückweichen (Backoff).</translation>
    </message>
    <message>
        <source>%1 runs its keepalive timer, %2 ms left: when the connection has been idle that long, it sends a probe to check that the peer is still there.</source>
        <translation>%1 lässt seinen Keepalive-Timer laufen, noch %2 ms: Ist die Verbindung so lange untätig, sendet er eine Probe, um zu prüfen, ob die Gegenseite noch da ist.</translation>
    </message>
    <message>
        <source>%1 runs its persist timer, %2 ms left: the peer&apos;s window is 0, and when the timer runs out the kernel sends a window probe.</source>
        <translation>%1 lässt seinen Persist-Timer laufen, noch %2 ms: Das Fenster der Gegenseite ist 0, und wenn der Timer abläuft, sendet der Kernel eine Window-Probe.</translation>
    </message>
    <message>
        <source>FIN_WAIT_2 timeout</source>
        <translation>FIN_WAIT_2-Timeout</translation>
    </message>
    <message>
        <source>%1 runs the FIN_WAIT_2 timeout (net.ipv4.tcp_fin_timeout), %2 ms left: the program has closed, and if the peer&apos;s FIN does not come by then, the socket is dropped.</source>
        <translation>%1 lässt den FIN_WAIT_2-Timeout laufen (net.ipv4.tcp_fin_timeout), noch %2 ms: Das Programm hat geschlossen, und kommt das FIN der Gegenseite bis dahin nicht, wird der Socket verworfen.</translation>
    </message>
    <message>
        <source>%1 runs the TIME_WAIT timer, 2MSL (fixed at 60 s on Linux), %2 ms left: until then it answers a repeated FIN with its ACK again.</source>
        <translation>%1 lässt den TIME_WAIT-Timer laufen, 2MSL (unter Linux fest 60 s), noch %2 ms: Bis dahin beantwortet er ein wiederholtes FIN erneut mit seinem ACK.</translation>
    </message>
    <message>
        <source>%1 enters TIME_WAIT: it keeps the connection for twice the maximum segment lifetime, to answer a lost last ACK&apos;s retransmitted FIN.</source>
        <translation>%1 geht in TIME_WAIT: Er behält die Verbindung für die doppelte maximale Segmentlebensdauer, um das erneut gesendete FIN zu beantworten, falls das letzte ACK verloren geht.</translation>
    </message>
    <message>
        <source>%1 enters CLOSE_WAIT: the peer has closed; its program has not closed yet.</source>
        <translation>%1 geht in CLOSE_WAIT: Die Gegenseite hat geschlossen; sein Programm hat noch nicht geschlossen.</translation>
    </message>
    <message>
        <source>The %1&apos;s socket has left the kernel&apos;s tables (CLOSED).</source>
        <translation>Der %1-Socket hat die Tabellen des Kernels verlassen (CLOSED).</translation>
    </message>
    <message>
        <source>%1 is now in %2.</source>
        <translation>%1 ist jetzt in %2.</translation>
    </message>
    <message>
        <source>%1 calls %2() by itself: the %3&apos;s kernel hands it the connection as descriptor %4.</source>
        <translation>%1 ruft %2() von selbst auf: Der %3-Kernel übergibt ihm die Verbindung als Deskriptor %4.</translation>
    </message>
    <message>
        <source>Qt emits %1() on the %2 from inside %3, which returns at once all the same.</source>
        <translation>Qt sendet %1() auf dem %2 aus %3 heraus, das trotzdem sofort zurückkehrt.</translation>
    </message>
    <message>
        <source>Qt emits %1() on the %2.</source>
        <translation>Qt sendet %1() auf dem %2.</translation>
    </message>
    <message>
        <source>retransmit timer</source>
        <translation>Wiederholungs-Timer</translation>
    </message>
    <message>
        <source>keepalive</source>
        <translation>Keepalive</translation>
    </message>
    <message>
        <source>persist timer</source>
        <translation>Persist-Timer</translation>
    </message>
    <message>
        <source>TIME_WAIT 2MSL</source>
        <translation>TIME_WAIT 2MSL</translation>
    </message>
    <message>
        <source>The %1&apos;s kernel would raise %2 here, for a write to a connection the peer has reset; a program that does not ignore it dies of it. The lab writes with MSG_NOSIGNAL, so it was not raised, and write() failed with EPIPE instead.</source>
        <translation>Der %1-Kernel würde hier %2 auslösen, für einen Schreibaufruf auf eine Verbindung, die die Gegenseite zurückgesetzt hat; ein Programm, das es nicht ignoriert, wird dadurch beendet. Das Labor schreibt mit MSG_NOSIGNAL, daher wurde es nicht ausgelöst, und write() scheiterte stattdessen mit EPIPE.</translation>
    </message>
    <message>
        <source>%1 was interrupted: it returns -1 EINTR, as after a signal; the %2 program can make other calls again.</source>
        <translation>%1 wurde unterbrochen: Es gibt -1 EINTR zurück, wie nach einem Signal; das %2-Programm kann wieder andere Aufrufe machen.</translation>
    </message>
</context>
<context>
    <name>TextFlow</name>
    <message>
        <source> returns</source>
        <translation> kehrt zurück</translation>
    </message>
    <message>
        <source> — emitted inside %1</source>
        <translation> – ausgelöst in %1</translation>
    </message>
    <message>
        <source>SynScope flow of a %1 trace</source>
        <translation>SynScope-Ablauf eines %1-Trace</translation>
    </message>
    <message>
        <source> (kernel %1)</source>
        <translation> (Kernel %1)</translation>
    </message>
    <message>
        <source>, started %1 UTC</source>
        <translation>, gestartet %1 UTC</translation>
    </message>
    <message>
        <source>client %1, server %2</source>
        <translation>Client %1, Server %2</translation>
    </message>
    <message>
        <source>(no events)</source>
        <translation>(keine Ereignisse)</translation>
    </message>
    <message>
        <source>TCP states are inferred from the segments (RFC 9293); a capture records no socket calls.</source>
        <translation>TCP-Zustände sind aus den Segmenten erschlossen (RFC 9293); ein Mitschnitt zeichnet keine Socket-Aufrufe auf.</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>client app</source>
        <translation>Client-Anw.</translation>
    </message>
    <message>
        <source>client TCP</source>
        <translation>Client-TCP</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>server TCP</source>
        <translation>Server-TCP</translation>
    </message>
    <message>
        <source>server app</source>
        <translation>Server-Anw.</translation>
    </message>
    <message>
        <source>cannot write the text flow: %1</source>
        <translation>kann den Textablauf nicht schreiben: %1</translation>
    </message>
    <message>
        <source> (copy made)</source>
        <translation> (Kopie angelegt)</translation>
    </message>
    <message>
        <source>%1 s: the %2 sets %3</source>
        <translation>%1 s: der %2 setzt %3</translation>
    </message>
</context>
<context>
    <name>TraceFile</name>
    <message>
        <source>a trace file</source>
        <translation>eine Trace-Datei</translation>
    </message>
</context>
<context>
    <name>TraceJson</name>
    <message>
        <source>the index of an earlier %1 event, but this is the first event</source>
        <translation>der Index eines früheren %1-Ereignisses, aber dies ist das erste Ereignis</translation>
    </message>
    <message>
        <source>the index of an earlier %1 event (0 to %2)</source>
        <translation>der Index eines früheren %1-Ereignisses (0 bis %2)</translation>
    </message>
    <message>
        <source>the trace is larger than 1 GiB, the limit for a trace file</source>
        <translation>der Trace ist größer als 1 GiB, die Grenze für eine Trace-Datei</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>oberste Ebene</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>erwartet ein Objekt, erhalten %1</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a single value</source>
        <translation>ein einzelner Wert</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>unsupported version %1; this SynScope reads versions 1 to %2</source>
        <translation>nicht unterstützte Version %1; dieses SynScope liest die Versionen 1 bis %2</translation>
    </message>
    <message>
        <source>a trace</source>
        <translation>einen Trace</translation>
    </message>
    <message>
        <source>unknown field for a trace in a version %1 file</source>
        <translation>unbekanntes Feld für einen Trace in einer Datei der Version %1</translation>
    </message>
    <message>
        <source>&quot;lab&quot;, &quot;capture&quot; or &quot;generated&quot;</source>
        <translation>&quot;lab&quot;, &quot;capture&quot; oder &quot;generated&quot;</translation>
    </message>
    <message>
        <source>an ISO 8601 UTC date and time like &quot;2024-05-01T12:00:00.000Z&quot;, or null</source>
        <translation>ein Datum mit Uhrzeit nach ISO 8601 in UTC wie &quot;2024-05-01T12:00:00.000Z&quot;, oder null</translation>
    </message>
    <message>
        <source>endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>an endpoint</source>
        <translation>ein Endpunkt</translation>
    </message>
    <message>
        <source>an object, or null for a trace that ran no scenario</source>
        <translation>ein Objekt, oder null für einen Trace, der kein Szenario ausgeführt hat</translation>
    </message>
    <message>
        <source>a scenario</source>
        <translation>ein Szenario</translation>
    </message>
    <message>
        <source>must not be empty; a trace that ran no scenario has &quot;scenario&quot;: null</source>
        <translation>darf nicht leer sein; ein Trace, der kein Szenario ausgeführt hat, hat &quot;scenario&quot;: null</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a step</source>
        <translation>ein Schritt</translation>
    </message>
    <message>
        <source>an integer from 0 to %1</source>
        <translation>eine ganze Zahl von 0 bis %1</translation>
    </message>
    <message>
        <source>%1 is past the last event (%2)</source>
        <translation>%1 liegt hinter dem letzten Ereignis (%2)</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>must not be less than %1.event (%2)</source>
        <translation>darf nicht kleiner als %1.event (%2) sein</translation>
    </message>
    <message>
        <source>an event kind</source>
        <translation>eine Ereignisart</translation>
    </message>
    <message>
        <source>&quot;client&quot; or &quot;server&quot;</source>
        <translation>&quot;client&quot; oder &quot;server&quot;</translation>
    </message>
    <message>
        <source>%1 is earlier than the previous event&apos;s %2; t_ns may not go backwards</source>
        <translation>%1 liegt vor dem %2 des vorigen Ereignisses; t_ns darf nicht rückwärts laufen</translation>
    </message>
    <message>
        <source>a %1 event</source>
        <translation>ein %1-Ereignis</translation>
    </message>
    <message>
        <source>unknown errno name %1</source>
        <translation>unbekannter errno-Name %1</translation>
    </message>
    <message>
        <source>events[%1] is a %2 event, not a call</source>
        <translation>events[%1] ist ein %2-Ereignis, kein Aufruf</translation>
    </message>
    <message>
        <source>events[%1] is a call on the %2, not on the %3</source>
        <translation>events[%1] ist ein Aufruf auf dem %2, nicht auf dem %3</translation>
    </message>
    <message>
        <source>an array of TCP flag names</source>
        <translation>ein Array von TCP-Flag-Namen</translation>
    </message>
    <message>
        <source>one of SYN, FIN, RST, PSH, URG, ECE, CWR, ACK</source>
        <translation>eines von SYN, FIN, RST, PSH, URG, ECE, CWR, ACK</translation>
    </message>
    <message>
        <source>%1 given twice</source>
        <translation>%1 doppelt angegeben</translation>
    </message>
    <message>
        <source>a send event</source>
        <translation>ein send-Ereignis</translation>
    </message>
    <message>
        <source>unknown field for a send event in a version 1 file</source>
        <translation>unbekanntes Feld für ein send-Ereignis in einer Datei der Version 1</translation>
    </message>
    <message>
        <source>unknown field for a send event in a version %1 file</source>
        <translation>unbekanntes Feld für ein send-Ereignis in einer Datei der Version %1</translation>
    </message>
    <message>
        <source>not valid base64</source>
        <translation>kein gültiges Base64</translation>
    </message>
    <message>
        <source>%1 bytes; a packet in a trace has at most %2</source>
        <translation>%1 Bytes; ein Paket in einem Trace hat höchstens %2</translation>
    </message>
    <message>
        <source>not an IP/TCP packet: %1</source>
        <translation>kein IP/TCP-Paket: %1</translation>
    </message>
    <message>
        <source>%1 does not match the packet in raw, which has %2</source>
        <translation>%1 passt nicht zum Paket in raw, das %2 hat</translation>
    </message>
    <message>
        <source>events[%1] is a %2 event, not a send</source>
        <translation>events[%1] ist ein %2-Ereignis, kein send</translation>
    </message>
    <message>
        <source>%1 does not match the send it refers to (events[%2]), which has %3</source>
        <translation>%1 passt nicht zum send, auf das es verweist (events[%2]), das %3 hat</translation>
    </message>
    <message>
        <source>a state event</source>
        <translation>ein state-Ereignis</translation>
    </message>
    <message>
        <source>a TCP state (CLOSED, LISTEN, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT)</source>
        <translation>ein TCP-Zustand (CLOSED, LISTEN, SYN_SENT, SYN_RCVD, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT)</translation>
    </message>
    <message>
        <source>a timer event</source>
        <translation>ein timer-Ereignis</translation>
    </message>
    <message>
        <source>a timer kind (none, retransmit, keepalive, time_wait, zero_window_probe)</source>
        <translation>eine Timer-Art (none, retransmit, keepalive, time_wait, zero_window_probe)</translation>
    </message>
    <message>
        <source>unknown event kind %1 (expected call, return, signal, send, deliver, drop, duplicate, state, timer or queues)</source>
        <translation>unbekannte Ereignisart %1 (erwartet: call, return, signal, send, deliver, drop, duplicate, state, timer oder queues)</translation>
    </message>
    <message>
        <source>a queues event needs version 5 or later, not %1</source>
        <translation>ein queues-Ereignis braucht Version 5 oder neuer, nicht %1</translation>
    </message>
    <message>
        <source>a queues event of a listener</source>
        <translation>ein queues-Ereignis eines lauschenden Sockets</translation>
    </message>
    <message>
        <source>a queues event</source>
        <translation>ein queues-Ereignis</translation>
    </message>
    <message>
        <source>a setting&apos;s change</source>
        <translation>die Änderung einer Einstellung</translation>
    </message>
</context>
<context>
    <name>TraceStory</name>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>the %1&apos;s kernel sent</source>
        <translation>was der %1-Kernel sendete</translation>
    </message>
    <message>
        <source>the wire did with the %1&apos;s segments</source>
        <translation>was die Leitung mit den Segmenten des %1 tat</translation>
    </message>
    <message>
        <source>the %1&apos;s calls</source>
        <translation>die Aufrufe des %1</translation>
    </message>
    <message>
        <source>the %1&apos;s sockets ended the step in</source>
        <translation>in welchem Zustand die Sockets des %1 den Schritt beendeten</translation>
    </message>
    <message>
        <source>step %1: %2 %3 in the recording, %4 now</source>
        <translation>Schritt %1: %2 %3 in der Aufzeichnung, %4 jetzt</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a saved trace (.json) or a capture (.pcap, .pcapng)</source>
        <translation>Einen gespeicherten Trace (.json) oder einen Mitschnitt (.pcap, .pcapng) öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the trace as JSON</source>
        <translation>Den Trace als JSON speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>Save the trace as JSON under a new name</source>
        <translation>Den Trace unter neuem Namen als JSON speichern</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>The diagram as PNG, SVG or PDF (slides, slide builds, handouts), the capture as pcap, the trace as JSON, or the sequence as Mermaid, PlantUML or text</source>
        <translation>Das Diagramm als PNG, SVG oder PDF (Folien, Folienfolgen, Handouts), den Mitschnitt als pcap, den Trace als JSON oder den Ablauf als Mermaid, PlantUML oder Text</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the diagram to the clipboard as an image</source>
        <translation>Das Diagramm als Bild in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close SynScope</source>
        <translation>SynScope schließen</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>One step forward; at the live end the next scenario step, or deliver the oldest segment in flight</source>
        <translation>Einen Schritt vorwärts; am Live-Ende der nächste Szenarioschritt, oder das älteste unterwegs befindliche Segment zustellen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>One step back (only the view moves; the kernels run on)</source>
        <translation>Einen Schritt zurück (nur die Ansicht bewegt sich; die Kernel laufen weiter)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Anfang</translation>
    </message>
    <message>
        <source>Go to the first step</source>
        <translation>Zum ersten Schritt gehen</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>Go to the last step</source>
        <translation>Zum letzten Schritt gehen</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>Ab&amp;spielen</translation>
    </message>
    <message>
        <source>Step on by itself, one step per beat</source>
        <translation>Von selbst weitergehen, ein Schritt pro Takt</translation>
    </message>
    <message>
        <source>&amp;Take Over Here</source>
        <translation>Hier ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>Replay the steps so far on a fresh lab and go on live from here</source>
        <translation>Die bisherigen Schritte auf einem frischen Labor wiederholen und von hier an live weitermachen</translation>
    </message>
    <message>
        <source>&amp;Restart with a Fresh Lab</source>
        <translation>Mit frischem Labor &amp;neu starten</translation>
    </message>
    <message>
        <source>Close every socket and start two new kernels</source>
        <translation>Jeden Socket schließen und zwei neue Kernel starten</translation>
    </message>
    <message>
        <source>Start &amp;Page</source>
        <translation>Start&amp;seite</translation>
    </message>
    <message>
        <source>Show the list of scenarios</source>
        <translation>Die Liste der Szenarien zeigen</translation>
    </message>
    <message>
        <source>&amp;Lecture Mode</source>
        <translation>Vortrags&amp;modus</translation>
    </message>
    <message>
        <source>Full screen: only the diagram and the caption, large</source>
        <translation>Vollbild: nur das Diagramm und die Bildunterschrift, groß</translation>
    </message>
    <message>
        <source>Leave Lecture Mode</source>
        <translation>Vortragsmodus verlassen</translation>
    </message>
    <message>
        <source>Back to the window</source>
        <translation>Zurück zum Fenster</translation>
    </message>
    <message>
        <source>&amp;Blank Screen</source>
        <translation>Bildschirm &amp;schwarz</translation>
    </message>
    <message>
        <source>Lecture mode: black screen until B again</source>
        <translation>Vortragsmodus: schwarzer Bildschirm, bis wieder B gedrückt wird</translation>
    </message>
    <message>
        <source>Segment &amp;Detail</source>
        <translation>Segment-&amp;Details</translation>
    </message>
    <message>
        <source>Window, options and payload under each label</source>
        <translation>Fenster, Optionen und Nutzdaten unter jeder Beschriftung</translation>
    </message>
    <message>
        <source>&amp;Predict Mode</source>
        <translation>&amp;Vorhersagemodus</translation>
    </message>
    <message>
        <source>Each step&apos;s segments first appear without labels, so the room can say what the kernel sends; Space reveals them</source>
        <translation>Die Segmente jedes Schritts erscheinen zuerst ohne Beschriftung, damit der Hörsaal sagen kann, was der Kernel sendet; die Leertaste deckt sie auf</translation>
    </message>
    <message>
        <source>Show &amp;Every Retransmission</source>
        <translation>&amp;Jede Sendewiederholung zeigen</translation>
    </message>
    <message>
        <source>An arrow for every copy a kernel resent; off, a segment resent while held or lost is one arrow with a count (lab runs; a capture always shows each)</source>
        <translation>Ein Pfeil für jede Kopie, die ein Kernel erneut gesendet hat; aus: Ein Segment, das erneut gesendet wurde, während es festgehalten oder verloren war, ist ein Pfeil mit Anzahl (Laborläufe; ein Mitschnitt zeigt immer jede)</translation>
    </message>
    <message>
        <source>Show &amp;Window in Every Label</source>
        <translation>&amp;Fenster in jeder Beschriftung zeigen</translation>
    </message>
    <message>
        <source>Every segment&apos;s label says the receive window it advertises (&quot;ACK K+1, win 502&quot;); off, only a zero window, its reopening and window probes say it</source>
        <translation>Die Beschriftung jedes Segments nennt das angekündigte Empfangsfenster (&quot;ACK K+1, win 502&quot;); aus: Nur ein Nullfenster, seine Wiederöffnung und Window-Probes nennen es</translation>
    </message>
    <message>
        <source>Layout by &amp;Time</source>
        <translation>Anordnung nach &amp;Zeit</translation>
    </message>
    <message>
        <source>Rows at real time instead of evenly spaced steps</source>
        <translation>Zeilen nach echter Zeit statt gleichmäßig verteilter Schritte</translation>
    </message>
    <message>
        <source>Dar&amp;k Theme</source>
        <translation>&amp;Dunkles Farbschema</translation>
    </message>
    <message>
        <source>Light text on dark; the light theme suits projectors</source>
        <translation>Heller Text auf dunklem Grund; das helle Farbschema eignet sich für Beamer</translation>
    </message>
    <message>
        <source>&amp;Reduced Motion</source>
        <translation>&amp;Weniger Bewegung</translation>
    </message>
    <message>
        <source>No travelling markers or fades</source>
        <translation>Keine wandernden Markierungen oder Überblendungen</translation>
    </message>
    <message>
        <source>&amp;Symbolic (SYN J, ACK J+1)</source>
        <translation>&amp;Symbolisch (SYN J, ACK J+1)</translation>
    </message>
    <message>
        <source>&amp;Relative (seq 0, ack 1)</source>
        <translation>&amp;Relativ (seq 0, ack 1)</translation>
    </message>
    <message>
        <source>&amp;Absolute (the real numbers)</source>
        <translation>&amp;Absolut (die echten Nummern)</translation>
    </message>
    <message>
        <source>Write sequence numbers %1</source>
        <translation>Sequenznummern %1 schreiben</translation>
    </message>
    <message>
        <source>&amp;BSD Sockets</source>
        <translation>&amp;BSD-Sockets</translation>
    </message>
    <message>
        <source>The calls of the textbook: socket, bind, listen, connect, accept… (a lab already used starts afresh)</source>
        <translation>Die Aufrufe des Lehrbuchs: socket, bind, listen, connect, accept … (ein schon benutztes Labor startet neu)</translation>
    </message>
    <message>
        <source>&amp;Qt (QTcpServer, QTcpSocket)</source>
        <translation>&amp;Qt (QTcpServer, QTcpSocket)</translation>
    </message>
    <message>
        <source>Qt&apos;s own calls and signals on the same kernels (a lab already used starts afresh)</source>
        <translation>Qts eigene Aufrufe und Signale auf denselben Kerneln (ein schon benutztes Labor startet neu)</translation>
    </message>
    <message>
        <source>&amp;Open Scenario File…</source>
        <translation>Szenario&amp;datei öffnen …</translation>
    </message>
    <message>
        <source>Run a scenario file of your own</source>
        <translation>Eine eigene Szenariodatei ausführen</translation>
    </message>
    <message>
        <source>&amp;Save What I Did as Scenario…</source>
        <translation>Mein Vorgehen als Szenario &amp;speichern …</translation>
    </message>
    <message>
        <source>Write the calls and wire actions made by hand since the lab started as a scenario file to replay</source>
        <translation>Die seit dem Start des Labors von Hand gemachten Aufrufe und Leitungsaktionen als Szenariodatei zum Wiederholen speichern</translation>
    </message>
    <message>
        <source>&amp;Run to the End</source>
        <translation>Bis zum &amp;Ende ausführen</translation>
    </message>
    <message>
        <source>Run the remaining steps of the scenario without stopping</source>
        <translation>Die restlichen Schritte des Szenarios ohne Anhalten ausführen</translation>
    </message>
    <message>
        <source>How to Read the &amp;Diagram</source>
        <translation>Wie man das &amp;Diagramm liest</translation>
    </message>
    <message>
        <source>What boxes, arrows, heads, marks and bars mean</source>
        <translation>Was Kästen, Pfeile, Spitzen, Markierungen und Balken bedeuten</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Tasten</translation>
    </message>
    <message>
        <source>Every key the window answers to</source>
        <translation>Jede Taste, auf die das Fenster reagiert</translation>
    </message>
    <message>
        <source>&amp;About SynScope</source>
        <translation>Über &amp;SynScope</translation>
    </message>
    <message>
        <source>Version, Qt, the lab&apos;s kernel and the licence</source>
        <translation>Version, Qt, der Kernel des Labors und die Lizenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Numbers</source>
        <translation>&amp;Nummern</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Animations and play mode at %1 times the normal speed</source>
        <translation>Animationen und Abspielmodus mit dem %1-fachen der normalen Geschwindigkeit</translation>
    </message>
    <message>
        <source>Lecture &amp;Screen</source>
        <translation>Vortrags&amp;bildschirm</translation>
    </message>
    <message>
        <source>&amp;Lab</source>
        <translation>&amp;Labor</translation>
    </message>
    <message>
        <source>&amp;Scenarios</source>
        <translation>S&amp;zenarien</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Back to the &amp;Recording</source>
        <translation>Zurück zur &amp;Aufzeichnung</translation>
    </message>
    <message>
        <source>Leave the live kernels and show the recording again at the same step</source>
        <translation>Die Live-Kernel verlassen und die Aufzeichnung wieder beim selben Schritt zeigen</translation>
    </message>
    <message>
        <source>Work by &amp;Hand</source>
        <translation>Von &amp;Hand arbeiten</translation>
    </message>
    <message>
        <source>Make the socket calls yourself and deliver each segment, on live kernels (after a scenario or a file: a fresh lab)</source>
        <translation>Die Socket-Aufrufe selbst machen und jedes Segment zustellen, auf Live-Kerneln (nach einem Szenario oder einer Datei: ein frisches Labor)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>&amp;Größere Schrift</translation>
    </message>
    <message>
        <source>Larger text in the diagram, its caption and the panels</source>
        <translation>Größere Schrift im Diagramm, seiner Bildunterschrift und den Panels</translation>
    </message>
    <message>
        <source>&amp;Smaller Text</source>
        <translation>&amp;Kleinere Schrift</translation>
    </message>
    <message>
        <source>Smaller text in the diagram, its caption and the panels</source>
        <translation>Kleinere Schrift im Diagramm, seiner Bildunterschrift und den Panels</translation>
    </message>
    <message>
        <source>&amp;Fit the Whole Diagram in View</source>
        <translation>Das ganze Diagramm &amp;einpassen</translation>
    </message>
    <message>
        <source>Shrink the diagram&apos;s picture until all of it shows</source>
        <translation>Das Bild des Diagramms verkleinern, bis es ganz zu sehen ist</translation>
    </message>
    <message>
        <source>Diagram at &amp;Actual Size</source>
        <translation>Diagramm in &amp;Originalgröße</translation>
    </message>
    <message>
        <source>Show the diagram&apos;s picture at 100%</source>
        <translation>Das Bild des Diagramms in 100 % zeigen</translation>
    </message>
    <message>
        <source>&amp;Animation Speed</source>
        <translation>Animations&amp;tempo</translation>
    </message>
    <message>
        <source>Calls Made With</source>
        <translation>Aufrufe gemacht mit</translation>
    </message>
    <message>
        <source>Not in this build: %1</source>
        <translation>Nicht in diesem Build: %1</translation>
    </message>
    <message>
        <source>symbolic</source>
        <translation>symbolisch</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>relativ</translation>
    </message>
    <message>
        <source>absolute</source>
        <translation>absolut</translation>
    </message>
    <message>
        <source>&amp;Guided…</source>
        <translation>&amp;Angeleitet …</translation>
    </message>
    <message>
        <source>Pick a goal — open a connection, close it, make connect() fail, send data — and follow a checklist that frames the button to press next and says what the kernel will do</source>
        <translation>Ein Ziel wählen – eine Verbindung aufbauen, sie abbauen, connect() scheitern lassen, Daten senden – und einer Checkliste folgen, die die als Nächstes zu drückende Schaltfläche umrahmt und sagt, was der Kernel tun wird</translation>
    </message>
    <message>
        <source>Host &amp;Settings…</source>
        <translation>Host-&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>SACK, timestamps, window scaling, ECN and the other TCP settings of each host, for the next connection</source>
        <translation>SACK, Zeitstempel, Fensterskalierung, ECN und die anderen TCP-Einstellungen jedes Hosts, für die nächste Verbindung</translation>
    </message>
    <message>
        <source>IPv&amp;4 (10.0.0.1 and 10.0.0.2)</source>
        <translation>IPv&amp;4 (10.0.0.1 und 10.0.0.2)</translation>
    </message>
    <message>
        <source>The two hosts talk IPv4 (a lab already used starts afresh)</source>
        <translation>Die beiden Hosts sprechen IPv4 (ein schon benutztes Labor beginnt neu)</translation>
    </message>
    <message>
        <source>IPv&amp;6 (fd00::1 and fd00::2)</source>
        <translation>IPv&amp;6 (fd00::1 und fd00::2)</translation>
    </message>
    <message>
        <source>The two hosts talk IPv6, and scenarios run over it unless they name their own version (a lab already used starts afresh)</source>
        <translation>Die beiden Hosts sprechen IPv6, und Szenarien laufen darüber, sofern sie keine eigene Version nennen (ein schon benutztes Labor beginnt neu)</translation>
    </message>
    <message>
        <source>Hosts Talk</source>
        <translation>Die Hosts sprechen</translation>
    </message>
</context>
<context>
    <name>Wire</name>
    <message>
        <source>The wire cannot watch the lab&apos;s TUN devices.</source>
        <translation>Die Leitung kann die TUN-Geräte des Labors nicht beobachten.</translation>
    </message>
</context>
<context>
    <name>WireModel</name>
    <message>
        <source>retransmission</source>
        <translation>Sendewiederholung</translation>
    </message>
    <message>
        <source>copy made by the wire</source>
        <translation>Kopie, von der Leitung angelegt</translation>
    </message>
    <message>
        <source>copy %1 of %2</source>
        <translation>Kopie %1 von %2</translation>
    </message>
    <message>
        <source>copy %1 of %2 (%3)</source>
        <translation>Kopie %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>The kernel sent this sequence range again: its retransmission timer ran out while the segment was held.</source>
        <translation>Der Kernel hat diesen Sequenzbereich erneut gesendet: Sein Wiederholungs-Timer lief ab, während das Segment festgehalten wurde.</translation>
    </message>
    <message>
        <source>On the wire at this point of the recording: sent, not yet delivered or dropped.</source>
        <translation>An dieser Stelle der Aufzeichnung auf der Leitung: gesendet, noch nicht zugestellt oder verworfen.</translation>
    </message>
    <message>
        <source>Held on the wire since it was sent. Deliver, drop or duplicate it.</source>
        <translation>Seit dem Senden auf der Leitung festgehalten. Stellen Sie es zu, verwerfen oder verdoppeln Sie es.</translation>
    </message>
    <message>
        <source>Copy %1 of %2: its sender sent this segment %2 times before any got through. The diagram draws them as one arrow (unless View ▸ Show Every Retransmission is on), but each copy is a real packet: delivering one delivers only that copy, the others stay here.</source>
        <translation>Kopie %1 von %2: Sein Sender hat dieses Segment %2-mal gesendet, bevor eines durchkam. Das Diagramm zeichnet sie als einen Pfeil (außer Ansicht ▸ Jede Sendewiederholung zeigen ist an), aber jede Kopie ist ein echtes Paket: Wer eine zustellt, stellt nur diese Kopie zu, die anderen bleiben hier.</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Next to be delivered: Space or &quot;Deliver next&quot; hands it to the receiving kernel.</source>
        <translation>Als Nächstes zuzustellen: Die Leertaste oder „Nächstes zustellen“ übergibt es dem empfangenden Kernel.</translation>
    </message>
</context>
<context>
    <name>WirePanel</name>
    <message>
        <source>Deliver next</source>
        <translation>Nächstes zustellen</translation>
    </message>
    <message>
        <source>Deliver the oldest segment held on the wire, whichever way it goes</source>
        <translation>Das älteste auf der Leitung festgehaltene Segment zustellen, gleich in welche Richtung</translation>
    </message>
    <message>
        <source>Client → server</source>
        <translation>Client → Server</translation>
    </message>
    <message>
        <source>Server → client</source>
        <translation>Server → Client</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Step: segments wait on the wire until you deliver them. Auto: each is delivered after the latency.</source>
        <translation>Schritt: Segmente warten auf der Leitung, bis Sie sie zustellen. Auto: Jedes wird nach der Laufzeit zugestellt.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Auto mode: how long each segment travels</source>
        <translation>Automodus: wie lange jedes Segment unterwegs ist</translation>
    </message>
    <message>
        <source>Deliver</source>
        <translation>Zustellen</translation>
    </message>
    <message>
        <source>Hand the selected segment to the receiving kernel</source>
        <translation>Das gewählte Segment dem empfangenden Kernel übergeben</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Lose the selected segment: the sender&apos;s kernel will send it again when its timer runs out</source>
        <translation>Das gewählte Segment verlieren: Der Kernel des Senders sendet es erneut, wenn sein Timer abläuft</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Verdoppeln</translation>
    </message>
    <message>
        <source>Make a copy of the selected segment; the copy waits right behind it</source>
        <translation>Eine Kopie des gewählten Segments anlegen; die Kopie wartet direkt dahinter</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded — no lab runs: the wire is read-only.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet – kein Labor läuft: Die Leitung ist schreibgeschützt.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded, before the first step — take over (T) to act on the wire.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet, vor dem ersten Schritt – übernehmen Sie (T), um auf der Leitung zu handeln.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;As recorded at step %1 — take over (T) to act on the wire.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wie aufgezeichnet bei Schritt %1 – übernehmen Sie (T), um auf der Leitung zu handeln.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Segments in flight at this point of the recording (sent, not yet delivered or dropped), oldest first. Select one to see its fields.</source>
        <translation>Segmente, die an dieser Stelle der Aufzeichnung unterwegs sind (gesendet, noch nicht zugestellt oder verworfen), älteste zuerst. Wählen Sie eines, um seine Felder zu sehen.</translation>
    </message>
    <message>
        <source>Segments held on the wire, oldest first. Double-click delivers one.</source>
        <translation>Auf der Leitung festgehaltene Segmente, älteste zuerst. Ein Doppelklick stellt eines zu.</translation>
    </message>
</context>
<context>
    <name>synscope</name>
    <message>
        <source>--export - writes to standard output: give --format (%1)</source>
        <translation>--export - schreibt auf die Standardausgabe: Geben Sie --format an (%1)</translation>
    </message>
    <message>
        <source>%1 has no extension to tell the format; add one or give --format (%2)</source>
        <translation>%1 hat keine Endung, die das Format verrät; fügen Sie eine hinzu oder geben Sie --format an (%2)</translation>
    </message>
    <message>
        <source>unknown export format &apos;%1&apos; for %2 (supported: %3)</source>
        <translation>unbekanntes Exportformat &apos;%1&apos; für %2 (unterstützt: %3)</translation>
    </message>
    <message>
        <source>--numbers %1: use symbolic, relative or absolute</source>
        <translation>--numbers %1: verwenden Sie symbolic, relative oder absolute</translation>
    </message>
    <message>
        <source>--theme %1: use light or dark</source>
        <translation>--theme %1: verwenden Sie light oder dark</translation>
    </message>
    <message>
        <source>--scale %1: give a number above 0 and at most 16</source>
        <translation>--scale %1: geben Sie eine Zahl über 0 und höchstens 16 an</translation>
    </message>
    <message>
        <source>--steps %1: give FROM:TO with 1 &lt;= FROM &lt;= TO, e.g. 1:3</source>
        <translation>--steps %1: geben Sie VON:BIS mit 1 &lt;= VON &lt;= BIS an, z. B. 1:3</translation>
    </message>
    <message>
        <source>--per-step makes png, svg or pdf slides, not %1</source>
        <translation>--per-step erzeugt png-, svg- oder pdf-Folien, nicht %1</translation>
    </message>
    <message>
        <source>--captions puts the captions in a png, svg or pdf, not %1</source>
        <translation>--captions setzt die Bildunterschriften in ein png, svg oder pdf, nicht in %1</translation>
    </message>
    <message>
        <source>--per-step writes one %1 file per step, and standard output takes one file: give a file name (or use pdf)</source>
        <translation>--per-step schreibt eine %1-Datei je Schritt, und die Standardausgabe nimmt nur eine Datei: Geben Sie einen Dateinamen an (oder verwenden Sie pdf)</translation>
    </message>
    <message>
        <source>--predict puts a question slide before each step&apos;s slide: add --per-step</source>
        <translation>--predict setzt vor die Folie jedes Schritts eine Frage-Folie: Fügen Sie --per-step hinzu</translation>
    </message>
    <message>
        <source>Shows, with real Linux kernels, which socket call produces which TCP segment.</source>
        <translation>Zeigt mit echten Linux-Kerneln, welcher Socket-Aufruf welches TCP-Segment erzeugt.</translation>
    </message>
    <message>
        <source>Run the built-in scenario &lt;id&gt;, or a scenario file, on the lab.</source>
        <translation>Das eingebaute Szenario &lt;id&gt; oder eine Szenariodatei im Labor ausführen.</translation>
    </message>
    <message>
        <source>Write the result to &lt;file&gt; (- for standard output, with --format) and exit, without a window.</source>
        <translation>Das Ergebnis in &lt;file&gt; schreiben (- für die Standardausgabe, mit --format) und ohne Fenster beenden.</translation>
    </message>
    <message>
        <source>Export format (default: from the file&apos;s extension): %1.</source>
        <translation>Exportformat (Standard: aus der Dateiendung): %1.</translation>
    </message>
    <message>
        <source>Sequence numbers in exports: symbolic (J, K+1; default), relative or absolute.</source>
        <translation>Sequenznummern in Exporten: symbolic (J, K+1; Standard), relative oder absolute.</translation>
    </message>
    <message>
        <source>Colours of exported images: light (default, for projectors) or dark.</source>
        <translation>Farben exportierter Bilder: light (Standard, für Beamer) oder dark.</translation>
    </message>
    <message>
        <source>PNG pixels per diagram pixel, e.g. 2 or 4 for sharp slides (default 1).</source>
        <translation>PNG-Pixel je Diagrammpixel, z. B. 2 oder 4 für scharfe Folien (Standard 1).</translation>
    </message>
    <message>
        <source>Export only steps FROM to TO (counted from 1; FROM: or :TO leave one end open). A recorded scenario&apos;s steps are its own; otherwise a step is a row of the diagram.</source>
        <translation>Nur die Schritte VON bis BIS exportieren (ab 1 gezählt; VON: oder :BIS lassen ein Ende offen). Ein aufgezeichnetes Szenario hat seine eigenen Schritte; sonst ist ein Schritt eine Zeile des Diagramms.</translation>
    </message>
    <message>
        <source>Slide build: one PNG/SVG file or PDF page per step, all the same size; a scenario&apos;s slides carry its captions.</source>
        <translation>Folienfolge: eine PNG-/SVG-Datei oder PDF-Seite je Schritt, alle gleich groß; die Folien eines Szenarios tragen seine Bildunterschriften.</translation>
    </message>
    <message>
        <source>With --per-step: before each step&apos;s slide, a question slide with that step&apos;s segments unlabelled.</source>
        <translation>Mit --per-step: vor der Folie jedes Schritts eine Frage-Folie mit den Segmenten dieses Schritts ohne Beschriftung.</translation>
    </message>
    <message>
        <source>Images: the steps&apos; captions as a numbered list beside the figure, each level with its step; with --per-step, rows get captions too.</source>
        <translation>Bilder: die Bildunterschriften der Schritte als nummerierte Liste neben der Abbildung, jede auf Höhe ihres Schritts; mit --per-step bekommen auch Zeilen Bildunterschriften.</translation>
    </message>
    <message>
        <source>Every segment&apos;s label says the window it advertises (default: only a zero window, its reopening and window probes).</source>
        <translation>Die Beschriftung jedes Segments nennt das angekündigte Fenster (Standard: nur ein Nullfenster, seine Wiederöffnung und Window-Probes).</translation>
    </message>
    <message>
        <source>List the built-in scenarios.</source>
        <translation>Die eingebauten Szenarien auflisten.</translation>
    </message>
    <message>
        <source>Open in lecture mode: full screen, diagram and caption only (Esc leaves).</source>
        <translation>Im Vortragsmodus öffnen: Vollbild, nur Diagramm und Bildunterschrift (Esc verlässt ihn).</translation>
    </message>
    <message>
        <source>With --export: write the legend (what boxes, arrows, heads and marks mean) as an image.</source>
        <translation>Mit --export: die Legende (was Kästen, Pfeile, Spitzen und Markierungen bedeuten) als Bild schreiben.</translation>
    </message>
    <message>
        <source>The TCP connection of a capture to show: Wireshark&apos;s tcp.stream number (default 0).</source>
        <translation>Die zu zeigende TCP-Verbindung eines Mitschnitts: die tcp.stream-Nummer von Wireshark (Standard 0).</translation>
    </message>
    <message>
        <source>The language of the window and its messages: %1 (default: the system&apos;s, where there is a translation, else en).</source>
        <translation>Die Sprache des Fensters und seiner Meldungen: %1 (Standard: die des Systems, wo es eine Übersetzung gibt, sonst en).</translation>
    </message>
    <message>
        <source>A saved trace (.json) or a capture (.pcap, .pcapng) to open.</source>
        <translation>Ein gespeicherter Trace (.json) oder ein Mitschnitt (.pcap, .pcapng) zum Öffnen.</translation>
    </message>
    <message>
        <source>--export needs a file name (or - for standard output), and got an empty one</source>
        <translation>--export braucht einen Dateinamen (oder - für die Standardausgabe) und hat einen leeren bekommen</translation>
    </message>
    <message>
        <source>--legend writes the legend alone: give --export FILE and no scenario or file</source>
        <translation>--legend schreibt nur die Legende: Geben Sie --export DATEI und kein Szenario und keine Datei an</translation>
    </message>
    <message>
        <source>only one file can be opened, got %1</source>
        <translation>nur eine Datei kann geöffnet werden, angegeben wurden %1</translation>
    </message>
    <message>
        <source>--stream takes a tcp.stream number (0, 1, ...), not &apos;%1&apos;</source>
        <translation>--stream nimmt eine tcp.stream-Nummer (0, 1, ...), nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--stream needs a capture file (pcap or pcapng) to open</source>
        <translation>--stream braucht eine Mitschnittdatei (pcap oder pcapng) zum Öffnen</translation>
    </message>
    <message>
        <source>--export needs --scenario ID or a trace file to export</source>
        <translation>--export braucht --scenario ID oder eine Trace-Datei zum Exportieren</translation>
    </message>
    <message>
        <source>synscope: --stream needs a capture file (pcap or pcapng); %1 is a trace</source>
        <translation>synscope: --stream braucht eine Mitschnittdatei (pcap oder pcapng); %1 ist ein Trace</translation>
    </message>
    <message>
        <source>synscope: the lab cannot run here: %1</source>
        <translation>synscope: Das Labor kann hier nicht laufen: %1</translation>
    </message>
    <message>
        <source>synscope: scenario %1: %2</source>
        <translation>synscope: Szenario %1: %2</translation>
    </message>
    <message>
        <source>there is no translation into &apos;%1&apos; (languages: %2)</source>
        <translation>es gibt keine Übersetzung in &apos;%1&apos; (Sprachen: %2)</translation>
    </message>
    <message>
        <source>synscope: exporting %2 as recorded on Linux %3 at %4 UTC — live lab unavailable here: %1</source>
        <translation>synscope: %2 wird exportiert, wie es unter Linux %3 am %4 UTC aufgezeichnet wurde — das Live-Labor ist hier nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The lab&apos;s IP version, 4 or 6 (default: the window&apos;s last choice, else 4; a scenario with its own &quot;ip&quot; keeps it).</source>
        <translation>Die IP-Version des Labors, 4 oder 6 (Vorgabe: die letzte Wahl im Fenster, sonst 4; ein Szenario mit eigenem &quot;ip&quot; behält es).</translation>
    </message>
    <message>
        <source>--ip takes 4 or 6, not &apos;%1&apos;</source>
        <translation>--ip nimmt 4 oder 6, nicht &apos;%1&apos;</translation>
    </message>
</context>
</TS>

package dev.stockade.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pod's probe agent: a python3 process in the pod's network namespace that, for each line
 * {@code TIMEOUT TARGET…} it reads ({@code TARGET} = {@code TCP|10.0.0.2|80}), tries every target
 * at once from one thread (non-blocking TCP connects; UDP datagrams on connected sockets, sent
 * again at half the timeout) and answers one line {@code TARGET=1|0 …}. A target counts as
 * reached when the connection is made or refused (a reset or a port-unreachable came back, so
 * the packet got through) or, for UDP, when an answer came. It lives as long as the lab object, so
 * that a round costs no process start, only the timeout of the probes that get no answer.
 * <p>Every UDP probe leaves from the next source port of a cycle through 40000–60999: a probe
 * reusing the addresses and ports of an earlier one that got an answer would match that flow's
 * conntrack entry and pass as established, whatever the policies say now.
 */
final class Prober implements AutoCloseable {
    static final String SCRIPT = """
            import socket,sys,select,time,errno,random
            srcport=random.randrange(21000)
            def bind(s,fam):
                global srcport
                for _ in range(50):
                    srcport=(srcport+1)%21000
                    try:
                        s.bind(('::' if fam==socket.AF_INET6 else '0.0.0.0',40000+srcport));return
                    except OSError:
                        pass
            for line in sys.stdin:
                parts=line.split()
                if not parts: continue
                t=float(parts[0]);targets=parts[1:];res={a:0 for a in targets};socks={}
                poller=select.poll()
                for a in targets:
                    proto,ip,port=a.split('|')
                    fam=socket.AF_INET6 if ':' in ip else socket.AF_INET
                    try:
                        s=socket.socket(fam,socket.SOCK_STREAM if proto=='TCP' else socket.SOCK_DGRAM)
                        s.setblocking(False)
                        if proto=='TCP':
                            e=s.connect_ex((ip,int(port)))
                            if e not in (0,errno.EINPROGRESS):
                                res[a]=1 if e==errno.ECONNREFUSED else 0;s.close();continue
                            poller.register(s,select.POLLOUT)
                        else:
                            bind(s,fam);s.connect((ip,int(port)));s.send(b'p')
                            poller.register(s,select.POLLIN)
                        socks[s.fileno()]=(s,a,proto)
                    except OSError:
                        pass
                start=time.monotonic();deadline=start+t;resend=start+t/2
                while socks:
                    now=time.monotonic()
                    if now>=deadline: break
                    nxt=min(deadline,resend) if resend else deadline
                    for fd,ev in poller.poll(max(1,int((nxt-now)*1000))):
                        s,a,proto=socks[fd]
                        if proto=='TCP':
                            e=s.getsockopt(socket.SOL_SOCKET,socket.SO_ERROR)
                            ok=1 if e in (0,errno.ECONNREFUSED) else 0
                        else:
                            try:
                                s.recv(64);ok=1
                            except ConnectionRefusedError:
                                ok=1
                            except BlockingIOError:
                                continue
                            except OSError:
                                ok=0
                        res[a]=ok;poller.unregister(fd);s.close();del socks[fd]
                    if resend and time.monotonic()>=resend:
                        for s,a,proto in socks.values():
                            if proto=='UDP':
                                try: s.send(b'p')
                                except OSError: pass
                        resend=None
                for s,a,proto in socks.values(): s.close()
                print(' '.join(a+'='+str(res[a]) for a in targets),flush=True)
            """;

    private final String pod;
    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;

    Prober(String pod, String namespace, String python) {
        this.pod = pod;
        try {
            process = new ProcessBuilder("ip", "netns", "exec", namespace, python, "-c", SCRIPT)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new Lab.LabException("cannot start python3 to probe from " + pod + ": " + e.getMessage());
        }
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** One round: every target at once; whether each was reached. Not for concurrent use. */
    synchronized Map<String, Boolean> probe(List<String> targets, int timeoutMillis) {
        String answer;
        try {
            in.write((timeoutMillis / 1000.0 + " " + String.join(" ", targets) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            answer = out.readLine();
        } catch (IOException e) {
            throw new Lab.LabException("probing from " + pod + " failed: " + e.getMessage());
        }
        if (answer == null) {
            throw new Lab.LabException("probing from " + pod + " failed: the probe process ended");
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (String item : answer.split(" ")) {
            int eq = item.lastIndexOf('=');
            if (eq > 0) {
                seen.put(item.substring(0, eq), item.substring(eq + 1).equals("1"));
            }
        }
        return seen;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}

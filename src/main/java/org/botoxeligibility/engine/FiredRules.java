package org.botoxeligibility.engine;

import java.util.List;
import java.util.HashSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The names of the rules that fired in one evaluation, for the audit trail. One listener lives on
 * each pooled session; a session serves one evaluation at a time, and the names are cleared
 * before the session goes back to the pool.
 */
final class FiredRules extends DefaultAgendaEventListener {
  private final HashSet<String> names = new HashSet<>(64);

  /** The listener of a session, attached on the session's first use. */
  static FiredRules of(KieSession session) {
    for (AgendaEventListener l : session.getAgendaEventListeners()) {
      if (l instanceof FiredRules fired) {
        fired.clear();
        return fired;
      }
    }
    FiredRules fired = new FiredRules();
    session.addEventListener(fired);
    return fired;
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    names.add(event.getMatch().getRule().getName());
  }

  /** The names, sorted, each once. */
  List<String> names() {
    String[] sorted = names.toArray(new String[0]);
    java.util.Arrays.sort(sorted);
    return List.of(sorted);
  }

  void clear() {
    names.clear();
  }
}

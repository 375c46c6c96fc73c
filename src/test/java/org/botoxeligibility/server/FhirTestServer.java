package org.botoxeligibility.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;

/**
 * A real FHIR R4 server for the fetch path: HAPI's plain {@code RestfulServer} with in-memory
 * providers, in a Jetty servlet container on a free port of 127.0.0.1. Every request must carry
 * the bearer token it was made with; it records the searches it answered and the tokens it saw.
 */
final class FhirTestServer implements AutoCloseable {
  private final Server jetty;
  private final String token;
  private final Map<String, List<IBaseResource>> resources = new ConcurrentHashMap<>();
  /** Each request, as "METHOD TYPE?params" (no token). */
  final List<String> requests = new CopyOnWriteArrayList<>();
  /** The Authorization headers seen. */
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  volatile long delayMillis;

  FhirTestServer(String token) throws Exception {
    this.token = token;
    FhirContext context = FhirContext.forR4Cached();
    RestfulServer fhir = new RestfulServer(context);
    fhir.setDefaultResponseEncoding(EncodingEnum.JSON);
    fhir.registerProvider(new Provider());
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler servlets = new ServletContextHandler();
    servlets.setContextPath("/");
    servlets.addServlet(new ServletHolder(fhir), "/fhir/*");
    jetty.setHandler(servlets);
    jetty.start();
  }

  /** The base URL, {@code http://127.0.0.1:PORT/fhir}. */
  String base() {
    return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
        + "/fhir";
  }

  /** Stores resources (parsed from JSON) for the searches to find. */
  FhirTestServer add(String... json) {
    for (String j : json) {
      IBaseResource r = FhirContext.forR4Cached().newJsonParser().parseResource(j);
      resources.computeIfAbsent(r.fhirType(), t -> new CopyOnWriteArrayList<>()).add(r);
    }
    return this;
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  /** Answers reads of Patient and searches of every type the service prefetches. */
  public final class Provider {
    private void check(RequestDetails request, String what) {
      requests.add(request.getRequestType() + " " + what);
      String header = request.getHeader("Authorization");
      authorizations.add(header == null ? "" : header);
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!("Bearer " + token).equals(header)) {
        throw new AuthenticationException("a bearer token is needed");
      }
    }

    private IBundleProvider search(RequestDetails request, String type) {
      check(request, type + "?" + String.join("&", new java.util.TreeSet<>(
          request.getParameters().keySet())));
      return new SimpleBundleProvider(new ArrayList<>(resources.getOrDefault(type, List.of())));
    }

    /** Reads a patient. */
    @Read(type = Patient.class)
    public Patient read(@IdParam IdType id, RequestDetails request) {
      check(request, "Patient/" + id.getIdPart());
      for (IBaseResource r : resources.getOrDefault("Patient", List.of())) {
        if (r.getIdElement().getIdPart().equals(id.getIdPart())) {
          return (Patient) r;
        }
      }
      throw new ResourceNotFoundException(id);
    }

    /** Searches conditions. */
    @Search(type = Condition.class, allowUnknownParams = true)
    public IBundleProvider conditions(RequestDetails request) {
      return search(request, "Condition");
    }

    /** Searches observations. */
    @Search(type = Observation.class, allowUnknownParams = true)
    public IBundleProvider observations(RequestDetails request) {
      return search(request, "Observation");
    }

    /** Searches allergies. */
    @Search(type = AllergyIntolerance.class, allowUnknownParams = true)
    public IBundleProvider allergies(RequestDetails request) {
      return search(request, "AllergyIntolerance");
    }

    /** Searches medication statements. */
    @Search(type = MedicationStatement.class, allowUnknownParams = true)
    public IBundleProvider statements(RequestDetails request) {
      return search(request, "MedicationStatement");
    }

    /** Searches medication requests. */
    @Search(type = MedicationRequest.class, allowUnknownParams = true)
    public IBundleProvider requests(RequestDetails request) {
      return search(request, "MedicationRequest");
    }

    /** Searches medication dispenses. */
    @Search(type = MedicationDispense.class, allowUnknownParams = true)
    public IBundleProvider dispenses(RequestDetails request) {
      return search(request, "MedicationDispense");
    }

    /** Searches procedures. */
    @Search(type = Procedure.class, allowUnknownParams = true)
    public IBundleProvider procedures(RequestDetails request) {
      return search(request, "Procedure");
    }

    /** Searches medication administrations. */
    @Search(type = MedicationAdministration.class, allowUnknownParams = true)
    public IBundleProvider administrations(RequestDetails request) {
      return search(request, "MedicationAdministration");
    }

    /** Searches encounters. */
    @Search(type = Encounter.class, allowUnknownParams = true)
    public IBundleProvider encounters(RequestDetails request) {
      return search(request, "Encounter");
    }
  }
}

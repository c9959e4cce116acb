package org.openipm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void busy_port_names_component_port_and_variable() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThat(PortCheck.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortCheck.requireFree(List.of(
                    new PortCheck.NeededPort("product-service", port, "IPM_PRODUCT_PORT"))))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.component()).isEqualTo("product-service");
                        assertThat(e.envVariable()).isEqualTo("IPM_PRODUCT_PORT");
                    })
                    .hasMessage("Port " + port + " (product-service) is already in use: stop what uses it, or set "
                            + "IPM_PRODUCT_PORT to a free port.");
        }
    }

    @Test
    void free_port_passes() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
        PortCheck.requireFree(List.of(new PortCheck.NeededPort("Kafka", port, "IPM_KAFKA_PORT")));
    }

    @Test
    void exit_code_is_two() {
        assertThat(new PortInUseException("Kafka", 9092, "IPM_KAFKA_PORT")).isInstanceOf(UsageException.class);
        assertThat(UsageException.EXIT_CODE).isEqualTo(2);
    }
}

package vn.kiosk.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

/** The bounded packet stream as Paho's own parser reads it, from packets Paho itself encodes. */
class BoundedPacketsTest {

    @Test
    void smallPacketsPassUntouchedAndALongPublishIsCutToTheLimitPlusOne() throws Exception {
        byte[] small = publish("kiosk/s/d/cmd/robot/queue.status", 7, "{\"id\": \"a\"}".getBytes(StandardCharsets.UTF_8));
        byte[] big = publish("kiosk/s/d/cmd/robot/ticket.issue", 8, new byte[3_000_000]);
        byte[] ping = {(byte) 0xd0, 0};
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(small);
        wire.write(big);
        wire.write(ping);
        DataInputStream in = new DataInputStream(new BoundedPackets(new TrickleStream(wire.toByteArray()), 1000));

        MqttPublish first = (MqttPublish) read(in);
        assertEquals("kiosk/s/d/cmd/robot/queue.status", first.getTopicName());
        assertEquals("{\"id\": \"a\"}", new String(first.getMessage().getPayload(), StandardCharsets.UTF_8));
        MqttPublish cut = (MqttPublish) read(in);
        assertEquals("kiosk/s/d/cmd/robot/ticket.issue", cut.getTopicName());
        assertEquals(8, cut.getMessageId());
        assertEquals(1001, cut.getMessage().getPayload().length);
        assertEquals(MqttWireMessage.MESSAGE_TYPE_PINGRESP, read(in).getType());
    }

    @Test
    void anotherKindOfPacketOverTheLimitEndsTheConnection() {
        byte[] hugeSuback = {(byte) 0x90, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        InputStream in = new BoundedPackets(new ByteArrayInputStream(hugeSuback), 1000);
        assertThrows(IOException.class, in::read);
    }

    private static byte[] publish(String topic, int id, byte[] payload) throws Exception {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        MqttPublish p = new MqttPublish(topic, m);
        p.setMessageId(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(p.getHeader());
        out.write(p.getPayload());
        return out.toByteArray();
    }

    /** Paho's framing: type byte, remaining length, body. */
    private static MqttWireMessage read(DataInputStream in) throws Exception {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        int first = in.readUnsignedByte();
        packet.write(first);
        long remaining = 0;
        long multiplier = 1;
        int b;
        do {
            b = in.readUnsignedByte();
            packet.write(b);
            remaining += (b & 0x7f) * multiplier;
            multiplier *= 128;
        } while ((b & 0x80) != 0);
        byte[] body = new byte[(int) remaining];
        in.readFully(body);
        packet.write(body);
        return MqttWireMessage.createWireMessage(packet.toByteArray());
    }

    /** Hands out at most 7 bytes a read, as a socket may. */
    private static final class TrickleStream extends ByteArrayInputStream {
        TrickleStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
        }
    }
}

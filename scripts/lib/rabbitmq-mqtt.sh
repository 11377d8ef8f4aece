# RabbitMQ's MQTT plugin on 127.0.0.1:1884 (1883 belongs to mosquitto) for the broker
# compatibility test, wherever RabbitMQ runs and can be managed from here. The port is set at run
# time only, so the plugin is disabled again by kiosk_rabbitmq_mqtt_off (a restarted RabbitMQ
# would otherwise try 1883). Sourced by scripts/test.

kiosk_rabbitmq_mqtt_on() {
  KIOSK_RABBITMQ_ENABLED=""
  command -v rabbitmqctl >/dev/null 2>&1 || { echo "RabbitMQ not installed: its MQTT compatibility row is skipped" >&2; return 0; }
  timeout 30 rabbitmqctl -q status >/dev/null 2>&1 || { echo "RabbitMQ not running: its MQTT compatibility row is skipped" >&2; return 0; }
  if (exec 3<>/dev/tcp/127.0.0.1/1884) 2>/dev/null; then
    return 0  # already listening (enabled by someone else): leave it as it is
  fi
  if timeout 60 rabbitmqctl -q eval 'application:load(rabbitmq_mqtt), application:set_env(rabbitmq_mqtt, tcp_listeners, [{"127.0.0.1", 1884}]).' >/dev/null 2>&1 \
    && timeout 120 rabbitmq-plugins -q enable rabbitmq_mqtt >/dev/null 2>&1; then
    KIOSK_RABBITMQ_ENABLED=1
    echo "RabbitMQ's MQTT plugin enabled on 127.0.0.1:1884 for the compatibility test" >&2
  else
    echo "RabbitMQ's MQTT plugin could not be enabled (not root?): its compatibility row is skipped" >&2
  fi
}

kiosk_rabbitmq_mqtt_off() {
  if [ -n "${KIOSK_RABBITMQ_ENABLED:-}" ]; then
    timeout 120 rabbitmq-plugins -q disable rabbitmq_mqtt >/dev/null 2>&1 || true
  fi
}

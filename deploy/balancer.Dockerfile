# The load balancer of docker-compose.yml: Debian's nginx, configured by deploy/nginx.conf (mounted by compose).
# Built from debian:bookworm-slim and Debian's own packages rather than pulled as a ready nginx image, so that
# `docker compose up --build` works wherever the bot's image builds (a mirror of Debian's packages is enough).
# wget is for the compose health check.
FROM debian:bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends nginx-light wget \
  && rm -rf /var/lib/apt/lists/* \
  && nginx -v
STOPSIGNAL SIGQUIT
EXPOSE 8080
CMD ["nginx", "-c", "/etc/nginx/nginx.conf", "-g", "daemon off;"]

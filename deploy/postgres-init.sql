-- each stateful service owns its database
CREATE DATABASE commentflow_posts;
CREATE DATABASE commentflow_notifications;

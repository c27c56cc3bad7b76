package com.shopcare.complaints.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// The policy store's watcher (PolicyWatcher) runs on Spring's task scheduler.
@EnableScheduling
public class ComplaintDecisionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintDecisionsApplication.class, args);
    }
}
